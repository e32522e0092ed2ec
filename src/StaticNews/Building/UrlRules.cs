namespace StaticNews.Building;

/// <summary>Which URLs from content may become an href or src.</summary>
public static class UrlRules
{
    public static bool IsSafeLink(string url)
    {
        if (url.Length == 0 || url.Length > 2048 || url.Any(char.IsControl))
        {
            return false;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        if (url.StartsWith('/') || url.StartsWith('#') || url.StartsWith("./", StringComparison.Ordinal) || url.StartsWith("../", StringComparison.Ordinal))
        {
            return true;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" or "mailto";
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        return colon < 0 || (slash >= 0 && slash < colon);
    }
}
