using System.Globalization;

namespace StaticNews.Building;

/// <summary>Every URL of the site, computed in one place. URLs are site-rooted paths including the base path, such as "/news/some-slug/".</summary>
public sealed class UrlBuilder(string basePath, string baseUrl)
{
    public string BasePath { get; } = basePath;

    public string Home => BasePath;

    public string Path(string relative) => BasePath + relative.TrimStart('/');

    /// <summary>A URL written in content: a site path ("/images/a.png") is placed under the base path; anything else is kept.</summary>
    public string Resolve(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Path(url) : url;

    public string Category(string categoryPath) => Path("category/" + categoryPath + "/");

    public string Author(string id) => Path("author/" + id + "/");

    public string Tag(string slug) => Path("tag/" + slug + "/");

    public string TagIndex => Path("tags/");

    public string Archive => Path("archive/");

    public string ArchiveYear(int year) => Path(string.Create(CultureInfo.InvariantCulture, $"archive/{year:D4}/"));

    public string Latest => Path("latest/");

    public string Search => Path("search/");

    public string ArchiveMonth(int year, int month) => Path(string.Create(CultureInfo.InvariantCulture, $"archive/{year:D4}/{month:D2}/"));

    /// <summary>Page 1 is the listing's own URL; later pages add "page/N/".</summary>
    public static string Paged(string firstPageUrl, int pageNumber) =>
        pageNumber <= 1 ? firstPageUrl : firstPageUrl + "page/" + pageNumber.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>The absolute form of a site-rooted URL, for feeds, canonical links and metadata.</summary>
    public string Absolute(string url)
    {
        if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
        {
            return url;
        }

        var origin = baseUrl.StartsWith('/') ? string.Empty : baseUrl[..^BasePath.Length];
        return url.StartsWith('/') ? origin + url : baseUrl + url;
    }

    /// <summary>Where a page with this URL is written, relative to the output folder.</summary>
    public string OutputPathOf(string url)
    {
        var relative = url.StartsWith(BasePath, StringComparison.Ordinal) ? url[BasePath.Length..] : url.TrimStart('/');
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }
}
