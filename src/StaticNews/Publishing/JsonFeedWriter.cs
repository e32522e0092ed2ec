using System.Text.Encodings.Web;
using System.Text.Json;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with Utf8JsonWriter.</summary>
internal static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // The file is served on its own as application/feed+json and never embedded in HTML, so '<' and non-ASCII letters may stay readable.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <summary>The characters of a long value escaped at a time by <see cref="WriteInSegments"/>.</summary>
    internal const int SegmentChars = 2048;

    public static ReadOnlyMemory<byte> Write(FeedChannel channel, FeedWriterContext context) => context.Bytes(channel, stream => Write(stream, channel, context));

    private static void Write(MemoryStream stream, FeedChannel channel, FeedWriterContext context)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", channel.Title);
            json.WriteString("home_page_url", context.Absolute(channel.ListingUrl));
            json.WriteString("feed_url", context.Absolute(FeedLocations.Url(channel.ListingUrl, FeedFormat.JsonFeed)));
            json.WriteString("description", channel.Description);
            json.WriteString("language", context.Config.Language);
            if (context.Config.Logo is { } logo)
            {
                json.WriteString("icon", context.Absolute(context.Urls.Resolve(logo)));
            }

            json.WriteStartArray("authors");
            WriteAuthor(json, context.Config.Title, context.Absolute(context.Urls.Home));
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var article in channel.Articles)
            {
                WriteItem(json, article, channel.Content, context);
                // Into the stream item by item: the writer's own buffer would otherwise grow to the whole feed before its end.
                json.Flush();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteItem(Utf8JsonWriter json, Article article, FeedContent content, FeedWriterContext context)
    {
        var url = context.Absolute(article.Url);
        json.WriteStartObject();
        json.WriteString("id", url);
        json.WriteString("url", url);
        json.WriteString("title", article.Title);
        if (context.ContentHtml(article, content) is { } html)
        {
            WriteInSegments(json, "content_html", html);
        }
        else
        {
            json.WriteString("content_text", FeedWriterContext.SummaryText(article));
        }

        if (article.Summary is { } summary)
        {
            json.WriteString("summary", summary);
        }

        if (article.Image is { } image)
        {
            json.WriteString("image", context.Absolute(image.Url));
        }

        json.WriteString("date_published", context.Date(article.Date));
        json.WriteString("date_modified", context.Date(article.LastModified));
        if (article.Authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in article.Authors)
            {
                WriteAuthor(json, author.Name, context.Absolute(author.Url));
            }

            json.WriteEndArray();
        }

        if (article.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in article.Tags)
            {
                json.WriteStringValue(tag.Name);
            }

            json.WriteEndArray();
        }

        json.WriteString("language", context.Config.Language);
        json.WriteEndObject();
    }

    private static void WriteAuthor(Utf8JsonWriter json, string name, string url)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("url", url);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <paramref name="name"/>'s string, the same bytes as <see cref="Utf8JsonWriter.WriteString(string, string?)"/>
    /// gives, escaped <see cref="SegmentChars"/> characters at a time. Escaped whole, an article's HTML took a scratch array
    /// of up to six times its length from the shared pool, new in each process and in each size met: a 1,000-article edit
    /// allocated 0.1 to 0.2 MiB more (of about 15) for the site feed's items.
    /// </summary>
    internal static void WriteInSegments(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length <= SegmentChars)
        {
            json.WriteString(name, value);
            return;
        }

        json.WritePropertyName(name);
        for (var start = 0; start < value.Length; start += SegmentChars)
        {
            var length = Math.Min(SegmentChars, value.Length - start);
            json.WriteStringValueSegment(value.AsSpan(start, length), isFinalSegment: start + length == value.Length);
        }
    }
}
