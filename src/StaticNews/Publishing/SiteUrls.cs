namespace StaticNews.Publishing;

/// <summary>Turns site-rooted URLs ("/news/x/") found in rendered HTML into absolute ones (feeds) or page-relative ones (relative_urls).</summary>
internal static class SiteUrls
{
    /// <summary>True for a path under the base path, such as "/news/x/"; false for "//host/x", "https://…", "#top" or "mailto:".</summary>
    public static bool IsSiteRooted(string url, string basePath) =>
        url.StartsWith(basePath, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// The URL relative to the folder of the page written at <paramref name="pageOutputPath"/>, e.g. from "a/b/index.html"
    /// "/news/x/" becomes "../../x/". A link to the page's own folder becomes "./".
    /// </summary>
    public static string? Relative(string url, string basePath, string pageOutputPath)
    {
        if (!IsSiteRooted(url, basePath))
        {
            return null;
        }

        var suffixStart = url.IndexOfAny(['?', '#']);
        var path = suffixStart < 0 ? url[basePath.Length..] : url[basePath.Length..suffixStart];
        var suffix = suffixStart < 0 ? string.Empty : url[suffixStart..];
        var from = pageOutputPath.Split('/')[..^1];
        var to = path.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        var relative = string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
        return (relative.Length == 0 ? "./" : relative) + suffix;
    }
}
