using System.Globalization;
using StaticNews.Incremental;

namespace StaticNews.Building;

/// <summary>Every URL of the site, computed in one place. URLs are site-rooted paths including the base path, such as "/news/some-slug/".</summary>
public sealed class UrlBuilder(string basePath, string baseUrl)
{
    private const string IndexFileName = "index.html";

    /// <summary>The longest output path, in characters, put together on the stack; a longer one goes in an array.</summary>
    private const int MaxStackPath = 256;

    public string BasePath { get; } = basePath;

    public string Home => BasePath;

    public string Path(string relative) => string.Concat(BasePath, relative.AsSpan().TrimStart('/'));

    /// <summary>A URL written in content: a site path ("/images/a.png") is placed under the base path; anything else is kept.</summary>
    public string Resolve(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Path(url) : url;

    // Each made in one string: through Path, every category, author and tag URL was made twice.
    public string Category(string categoryPath) => string.Concat(BasePath, "category/", categoryPath, "/");

    public string Author(string id) => string.Concat(BasePath, "author/", id, "/");

    public string Tag(string slug) => string.Concat(BasePath, "tag/", slug, "/");

    public string TagIndex => Path("tags/");

    public string Archive => Path("archive/");

    public string ArchiveYear(int year) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}archive/{year:D4}/");

    public string Latest => Path("latest/");

    public string Search => Path("search/");

    public string ArchiveMonth(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}archive/{year:D4}/{month:D2}/");

    /// <summary>Page 1 is the listing's own URL; later pages add "page/N/".</summary>
    public static string Paged(string firstPageUrl, int pageNumber) =>
        pageNumber <= 1 ? firstPageUrl : string.Create(CultureInfo.InvariantCulture, $"{firstPageUrl}page/{pageNumber}/");

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

    /// <summary>The paths the last build wrote, whose strings <see cref="OutputPathOf(string)"/> gives again (none by default).</summary>
    internal KnownOutputPaths KnownPaths { get; init; } = KnownOutputPaths.None;

    /// <summary>Where a page with this URL is written, relative to the output folder.</summary>
    /// <remarks>One string a page (20,824 at 10,000 articles) at most, made at once rather than cut from the URL and then joined.</remarks>
    public string OutputPathOf(string url)
    {
        var relative = RelativeTo(url);
        return relative.IsEmpty || relative[^1] == '/' ? InFolder(relative, IndexFileName)
            : relative.Length == url.Length ? url
            : KnownPaths.Get(relative);
    }

    /// <summary>
    /// Where the file <paramref name="fileName"/> in the folder of <paramref name="folderUrl"/> (a URL ending with '/', such as
    /// a listing's whose feeds sit beside it) is written: the path of the URL the two make, without making that URL.
    /// </summary>
    public string OutputPathOf(string folderUrl, string fileName) => InFolder(RelativeTo(folderUrl), fileName);

    private ReadOnlySpan<char> RelativeTo(string url) =>
        url.StartsWith(BasePath, StringComparison.Ordinal) ? url.AsSpan(BasePath.Length) : url.AsSpan().TrimStart('/');

    private string InFolder(ReadOnlySpan<char> folder, string fileName)
    {
        var length = folder.Length + fileName.Length;
        var path = length <= MaxStackPath ? stackalloc char[length] : new char[length];
        folder.CopyTo(path);
        fileName.CopyTo(path[folder.Length..]);
        return KnownPaths.Get(path);
    }
}
