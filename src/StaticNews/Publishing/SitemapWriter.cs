using System.Globalization;
using StaticNews.Building;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Publishing;

/// <summary>
/// sitemap.xml per sitemaps.org: every HTML page with its lastmod. Past <see cref="MaxUrlsPerFile"/> URLs, sitemap.xml becomes
/// a sitemap index pointing to sitemap-1.xml, sitemap-2.xml, … each holding at most that many.
/// </summary>
internal static class SitemapWriter
{
    public const int MaxUrlsPerFile = 50_000;
    public const string FileName = "sitemap.xml";
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Every page except the 404 page. lastmod: an article's last modification; a listing's newest article's.</summary>
    public static IReadOnlyList<SitemapEntry> Entries(SiteModel model)
    {
        var newest = model.Site.Articles.Count == 0 ? (DateTimeOffset?)null : model.Site.Articles.Max(a => a.LastModified);
        var entries = new List<SitemapEntry>(model.Pages.Count);
        foreach (var page in model.Pages)
        {
            if (!IsListed(page))
            {
                continue;
            }

            DateTimeOffset? lastModified = page switch
            {
                { Article: { } article } => article.LastModified,
                { Articles.Count: > 0 } => page.Articles.Max(a => a.LastModified),
                { Kind: PageKind.TagIndex or PageKind.Archive, Pager: null } => newest,
                _ => null,
            };
            entries.Add(new SitemapEntry(model.Urls.Absolute(page.Url), lastModified));
        }

        return entries;
    }

    /// <summary>The files <see cref="Write"/> gives for the model's entries, known without writing them.</summary>
    public static IReadOnlyList<string> PathsOf(SiteModel model, int maxUrlsPerFile = MaxUrlsPerFile)
    {
        var count = model.Pages.Count(IsListed);
        if (count <= maxUrlsPerFile)
        {
            return [FileName];
        }

        var parts = (count + maxUrlsPerFile - 1) / maxUrlsPerFile;
        return [.. Enumerable.Range(1, parts).Select(PartName), FileName];
    }

    private static bool IsListed(Page page) => page.Kind != PageKind.NotFound && page.Article is not { Expired: true };

    public static IReadOnlyList<OutputFile> Write(IReadOnlyList<SitemapEntry> entries, UrlBuilder urls, TimeZoneInfo zone, int maxUrlsPerFile = MaxUrlsPerFile)
    {
        if (entries.Count <= maxUrlsPerFile)
        {
            return [new OutputFile(FileName, UrlSet(entries, zone))];
        }

        var parts = entries.Chunk(maxUrlsPerFile).ToList();
        var files = new List<OutputFile>(parts.Count + 1);
        var index = new List<SitemapEntry>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var name = PartName(i + 1);
            files.Add(new OutputFile(name, UrlSet(parts[i], zone)));
            index.Add(new SitemapEntry(urls.Absolute(urls.Path(name)), parts[i].Max(e => e.LastModified)));
        }

        files.Add(new OutputFile(FileName, Index(index, zone)));
        return files;
    }

    public static string PartName(int number) => "sitemap-" + number.ToString(CultureInfo.InvariantCulture) + ".xml";

    private static byte[] UrlSet(IEnumerable<SitemapEntry> entries, TimeZoneInfo zone) => XmlOutput.Write(writer =>
    {
        writer.WriteStartElement("urlset", Ns);
        foreach (var entry in entries)
        {
            writer.WriteStartElement("url");
            XmlOutput.Element(writer, "loc", entry.Location);
            if (entry.LastModified is { } lastModified)
            {
                XmlOutput.Element(writer, "lastmod", PublishingDates.Rfc3339(lastModified, zone));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static byte[] Index(IEnumerable<SitemapEntry> parts, TimeZoneInfo zone) => XmlOutput.Write(writer =>
    {
        writer.WriteStartElement("sitemapindex", Ns);
        foreach (var part in parts)
        {
            writer.WriteStartElement("sitemap");
            XmlOutput.Element(writer, "loc", part.Location);
            if (part.LastModified is { } lastModified)
            {
                XmlOutput.Element(writer, "lastmod", PublishingDates.Rfc3339(lastModified, zone));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });
}
