using System.Xml;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>Atom 1.0 (RFC 4287): ids are the absolute URLs, dates RFC 3339 in the site's zone.</summary>
internal static class AtomFeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static ReadOnlyMemory<byte> Write(FeedChannel channel, FeedWriterContext context) => context.Bytes(channel, stream => XmlOutput.Write(stream, writer =>
    {
        var feedUrl = context.Absolute(FeedLocations.Url(channel.ListingUrl, FeedFormat.Atom));
        writer.WriteStartElement("feed", Ns);
        writer.WriteAttributeString("xml", "lang", null, context.Config.Language);
        XmlOutput.Element(writer, "title", channel.Title);
        XmlOutput.Element(writer, "subtitle", channel.Description);
        XmlOutput.Element(writer, "id", feedUrl);
        XmlOutput.Element(writer, "updated", context.Date(FeedWriterContext.Updated(channel.Articles)));
        Link(writer, "alternate", context.Absolute(channel.ListingUrl), "text/html");
        Link(writer, "self", feedUrl, FeedLocations.MediaType(FeedFormat.Atom));
        writer.WriteStartElement("author");
        XmlOutput.Element(writer, "name", context.Config.Title);
        XmlOutput.Element(writer, "uri", context.Absolute(context.Urls.Home));
        writer.WriteEndElement();
        XmlOutput.Element(writer, "generator", FeedWriterContext.Generator);
        foreach (var article in channel.Articles)
        {
            WriteEntry(writer, article, channel.Content, context);
        }

        writer.WriteEndElement();
    }));

    private static void WriteEntry(XmlWriter writer, Article article, FeedContent content, FeedWriterContext context)
    {
        var url = context.Absolute(article.Url);
        writer.WriteStartElement("entry");
        XmlOutput.Element(writer, "title", article.Title);
        Link(writer, "alternate", url, "text/html");
        XmlOutput.Element(writer, "id", url);
        XmlOutput.Element(writer, "published", context.Date(article.Date));
        XmlOutput.Element(writer, "updated", context.Date(article.LastModified));
        foreach (var author in article.Authors)
        {
            writer.WriteStartElement("author");
            XmlOutput.Element(writer, "name", author.Name);
            XmlOutput.Element(writer, "uri", context.Absolute(author.Url));
            writer.WriteEndElement();
        }

        if (article.Category is { } category)
        {
            Category(writer, category.Path, category.Name);
        }

        foreach (var tag in article.Tags)
        {
            Category(writer, tag.Slug, tag.Name);
        }

        writer.WriteStartElement("summary");
        writer.WriteAttributeString("type", "text");
        writer.WriteString(XmlOutput.Clean(FeedWriterContext.SummaryText(article)));
        writer.WriteEndElement();
        if (context.ContentHtml(article, content) is { } html)
        {
            writer.WriteStartElement("content");
            writer.WriteAttributeString("type", "html");
            writer.WriteString(XmlOutput.Clean(html));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static void Category(XmlWriter writer, string term, string label)
    {
        writer.WriteStartElement("category");
        writer.WriteAttributeString("term", XmlOutput.Clean(term));
        writer.WriteAttributeString("label", XmlOutput.Clean(label));
        writer.WriteEndElement();
    }
}
