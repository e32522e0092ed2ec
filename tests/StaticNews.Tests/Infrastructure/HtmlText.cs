using System.Text.RegularExpressions;

namespace StaticNews.Tests.Infrastructure;

public static partial class HtmlText
{
    /// <summary>The page without its JSON-LD blocks: the only script the theme emits, checked on its own by the JSON-LD tests.</summary>
    public static string WithoutJsonLd(string html) => JsonLdBlock().Replace(html, string.Empty);

    [GeneratedRegex("<script type=\"application/ld\\+json\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}
