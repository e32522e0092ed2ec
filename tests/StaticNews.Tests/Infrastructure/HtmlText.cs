using System.Text.RegularExpressions;

namespace StaticNews.Tests.Infrastructure;

public static partial class HtmlText
{
    /// <summary>The search page's one script element, as the theme writes it: the theme's own file, deferred, nothing inline.</summary>
    public const string SearchScriptPattern = "<script src=\"[^\"<>]*/assets/js/search\\.js\" defer></script>";

    /// <summary>The page without its JSON-LD blocks: checked on their own by the JSON-LD tests.</summary>
    public static string WithoutJsonLd(string html) => JsonLdBlock().Replace(html, string.Empty);

    /// <summary>
    /// The page without the scripts the theme itself emits: JSON-LD blocks, and on the search page only (<paramref name="path"/> search/index.html)
    /// exactly one deferred search.js. Anything left that looks like a script came from content or a template mistake.
    /// </summary>
    public static string WithoutThemeScripts(string path, string html)
    {
        var withoutJsonLd = WithoutJsonLd(html);
        return path.EndsWith("search/index.html", StringComparison.Ordinal) ? SearchScript().Replace(withoutJsonLd, string.Empty, 1) : withoutJsonLd;
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();

    [GeneratedRegex(SearchScriptPattern)]
    private static partial Regex SearchScript();
}
