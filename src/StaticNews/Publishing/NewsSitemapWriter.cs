using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>
/// news-sitemap.xml for Google News: the articles published in the two days before the build (both ends included), newest
/// first, at most 1,000, each with the publication's name and language, the publication date and the title.
/// </summary>
internal static class NewsSitemapWriter
{
    public const string FileName = "news-sitemap.xml";
    public const int MaxArticles = 1000;
    public static readonly TimeSpan Window = TimeSpan.FromDays(2);
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    public static IReadOnlyList<Article> Select(IReadOnlyList<Article> articles, DateTimeOffset now) =>
        [.. articles.Where(a => a.Date <= now && a.Date >= now - Window).Take(MaxArticles)];

    public static byte[] Write(SiteModel model)
    {
        var config = model.Site.Config;
        var language = Language(config);
        return XmlOutput.Write(writer =>
        {
            writer.WriteStartElement("urlset", Ns);
            writer.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var article in Select(model.Site.Articles, model.BuiltAt))
            {
                writer.WriteStartElement("url");
                XmlOutput.Element(writer, "loc", model.Urls.Absolute(article.Url));
                writer.WriteStartElement("news", "news", NewsNs);
                writer.WriteStartElement("news", "publication", NewsNs);
                XmlOutput.Element(writer, "news", "name", NewsNs, config.Title);
                XmlOutput.Element(writer, "news", "language", NewsNs, language);
                writer.WriteEndElement();
                XmlOutput.Element(writer, "news", "publication_date", NewsNs, PublishingDates.Rfc3339(article.Date, config.TimeZone));
                XmlOutput.Element(writer, "news", "title", NewsNs, article.Title);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>Google News wants an ISO 639 code, except zh-cn and zh-tw for Chinese.</summary>
    public static string Language(SiteConfig config)
    {
        var language = config.Language.ToLowerInvariant();
        if (language.StartsWith("zh", StringComparison.Ordinal))
        {
            return language is "zh-tw" or "zh-hant" or "zh-hk" or "zh-hant-tw" or "zh-hant-hk" ? "zh-tw" : "zh-cn";
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? language : language[..dash];
    }
}
