using System.Globalization;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Text;

namespace StaticNews.Analytics;

/// <summary>
/// "Most Popular" from an analytics export in data/ (see <see cref="AnalyticsSettings"/>): page views summed per article over the
/// window, most read first (ties: newer first, then slug). Rows for pages that are not articles (home, sections, feeds) are ignored;
/// a path that matches nothing and a malformed row are warnings with the row's line. Which rows count moves with the build's
/// time, so the result says when it would next change (<see cref="MostRead.WindowChanges"/>), for the build cache's validity.
/// </summary>
internal static class MostReadLoader
{
    private static readonly string[] ListingPrefixes = ["category/", "author/", "tag/", "tags/", "archive/", "latest/", "search/", "page/"];

    /// <summary>The articles, most read first; null when the site has no analytics file.</summary>
    public static MostRead? Load(SourceSet sources, SiteConfig config, UrlBuilder urls, IReadOnlyList<Article> articles, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var settings = config.Analytics;
        if (!sources.Data.TryGetValue(settings.File, out var file))
        {
            return null;
        }

        var decoded = SourceText.Decode(file.Bytes.Span);
        if (decoded.Error is { } error)
        {
            diagnostics.Report(error.Descriptor, SourceLocation.File(file.Path), error.Args);
            return MostRead.Empty;
        }

        var records = CsvParser.Parse(decoded.Text);
        if (records.Count == 0)
        {
            return MostRead.Empty;
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var pathColumn = header.FindIndex(h => string.Equals(h, settings.PathColumn, StringComparison.OrdinalIgnoreCase));
        var viewsColumn = header.FindIndex(h => string.Equals(h, settings.ViewsColumn, StringComparison.OrdinalIgnoreCase));
        var dateColumn = header.FindIndex(h => string.Equals(h, settings.DateColumn, StringComparison.OrdinalIgnoreCase));
        if (pathColumn < 0 || viewsColumn < 0)
        {
            var (missing, key) = pathColumn < 0 ? (settings.PathColumn, "path_column") : (settings.ViewsColumn, "views_column");
            diagnostics.Report(DiagnosticCodes.AnalyticsColumnMissing, new SourceLocation(file.Path, records[0].Line, 1), missing, string.Join(", ", header), key);
            return MostRead.Empty;
        }

        var byUrl = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            byUrl.TryAdd(article.Url, article);
        }

        var from = now.AddDays(-settings.WindowDays);
        DateTimeOffset? windowChanges = null;
        var views = new Dictionary<Article, long>(ReferenceEqualityComparer.Instance);
        foreach (var record in records.Skip(1))
        {
            var location = new SourceLocation(file.Path, record.Line, 1);
            if (record.Error is { } problem)
            {
                diagnostics.Report(DiagnosticCodes.AnalyticsRowMalformed, location, problem);
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                diagnostics.Report(DiagnosticCodes.AnalyticsRowMalformed, location, string.Create(CultureInfo.InvariantCulture, $"{record.Fields.Count} fields where the header has {header.Count}"));
                continue;
            }

            var viewsText = record.Fields[viewsColumn].Trim();
            if (!long.TryParse(viewsText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                diagnostics.Report(DiagnosticCodes.AnalyticsRowMalformed, location, $"'{viewsText}' is not a number of page views");
                continue;
            }

            if (dateColumn >= 0)
            {
                var dateText = record.Fields[dateColumn].Trim();
                if (!DateParser.TryParse(dateText, config.TimeZone, out var date))
                {
                    diagnostics.Report(DiagnosticCodes.AnalyticsRowMalformed, location, $"'{dateText}' is not a date (YYYY-MM-DD)");
                    continue;
                }

                // A row counts from its day until the window's length after it, that moment included.
                var change = date > now ? date : date >= from ? date.AddDays(settings.WindowDays).AddTicks(1) : (DateTimeOffset?)null;
                if (change is { } next && (windowChanges is null || next < windowChanges))
                {
                    windowChanges = next;
                }

                if (date < from || date > now)
                {
                    continue;
                }
            }

            var path = NormalizePath(record.Fields[pathColumn]);
            if (Find(path, byUrl, urls) is { } article)
            {
                views[article] = views.GetValueOrDefault(article) + count;
            }
            else if (!IsListingPage(path, urls))
            {
                diagnostics.Report(DiagnosticCodes.AnalyticsPathUnknown, location, record.Fields[pathColumn].Trim());
            }
        }

        List<Article> mostRead = [.. views
            .Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, ArticleOrder.NewestFirst)
            .Select(p => p.Key)];
        return new MostRead(mostRead, windowChanges);
    }

    /// <summary>"https://example.org/world/a?utm=x" and "/world/a/index.html" both become "/world/a/".</summary>
    internal static string NormalizePath(string text)
    {
        var path = text.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            path = uri.AbsolutePath;
        }

        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        if (path.EndsWith("/index.html", StringComparison.Ordinal))
        {
            path = path[..^"index.html".Length];
        }

        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        return lastSegment.Length > 0 && !lastSegment.Contains('.', StringComparison.Ordinal) ? path + "/" : path;
    }

    private static Article? Find(string path, Dictionary<string, Article> byUrl, UrlBuilder urls) =>
        byUrl.GetValueOrDefault(path) ?? byUrl.GetValueOrDefault(urls.Path(path));

    private static bool IsListingPage(string path, UrlBuilder urls)
    {
        var relative = path.StartsWith(urls.BasePath, StringComparison.Ordinal) ? path[urls.BasePath.Length..] : path.TrimStart('/');
        return relative.Length == 0
            || ListingPrefixes.Any(p => relative.StartsWith(p, StringComparison.Ordinal))
            || relative[(relative.LastIndexOf('/') + 1)..].Contains('.', StringComparison.Ordinal);
    }
}
