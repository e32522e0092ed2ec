using System.Xml;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>RSS 2.0, with content:encoded for the full article, dc:creator for bylines and atom:link for the feed's own URL.</summary>
internal static class RssFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static ReadOnlyMemory<byte> Write(FeedChannel channel, FeedWriterContext context) => context.Bytes(channel, stream => XmlOutput.Write(stream, writer =>
    {
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, AtomNs);
        writer.WriteAttributeString("xmlns", "content", null, ContentNs);
        writer.WriteAttributeString("xmlns", "dc", null, DcNs);
        writer.WriteStartElement("channel");
        XmlOutput.Element(writer, "title", channel.Title);
        XmlOutput.Element(writer, "link", context.Absolute(channel.ListingUrl));
        XmlOutput.Element(writer, "description", channel.Description);
        XmlOutput.Element(writer, "language", context.Config.Language);
        XmlOutput.Element(writer, "generator", FeedWriterContext.Generator);
        if (channel.Articles.Count > 0)
        {
            XmlOutput.Element(writer, "lastBuildDate", PublishingDates.Rfc822(FeedWriterContext.Updated(channel.Articles)));
        }

        writer.WriteStartElement("atom", "link", AtomNs);
        writer.WriteAttributeString("href", context.Absolute(FeedLocations.Url(channel.ListingUrl, FeedFormat.Rss)));
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", FeedLocations.MediaType(FeedFormat.Rss));
        writer.WriteEndElement();

        foreach (var article in channel.Articles)
        {
            WriteItem(writer, article, channel.Content, context);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }));

    private static void WriteItem(XmlWriter writer, Article article, FeedContent content, FeedWriterContext context)
    {
        var url = context.Absolute(article.Url);
        writer.WriteStartElement("item");
        XmlOutput.Element(writer, "title", article.Title);
        XmlOutput.Element(writer, "link", url);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "true");
        writer.WriteString(url);
        writer.WriteEndElement();
        XmlOutput.Element(writer, "pubDate", PublishingDates.Rfc822(article.Date));
        foreach (var author in article.Authors)
        {
            XmlOutput.Element(writer, "dc", "creator", DcNs, author.Name);
        }

        if (article.Category is { } category)
        {
            XmlOutput.Element(writer, "category", category.Name);
        }

        foreach (var tag in article.Tags)
        {
            XmlOutput.Element(writer, "category", tag.Name);
        }

        XmlOutput.Element(writer, "description", FeedWriterContext.SummaryText(article));
        if (context.ContentHtml(article, content) is { } html)
        {
            XmlOutput.Element(writer, "content", "encoded", ContentNs, html);
        }

        writer.WriteEndElement();
    }
}
