using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>
/// The schema.org JSON-LD of a page, written with System.Text.Json's Utf8JsonWriter straight to UTF-8: NewsArticle on
/// articles, ProfilePage with a Person on authors, CollectionPage on listings, WebSite on the home page, and a BreadcrumbList
/// matching the visible breadcrumb.
/// The encoder escapes &lt;, &gt;, &amp; and quotes as \u003C and so on, so no value can close the script element.
/// </summary>
internal sealed class JsonLdBuilder(Site site, UrlBuilder urls)
{
    private const string Context = "https://schema.org";
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The home page's absolute URL, named on every page (publisher, site references).</summary>
    private readonly string _home = urls.Absolute(urls.Home);

    /// <summary>A writer and its buffer per worker, kept from page to page (each page's JSON would otherwise grow a new buffer twice or three times).</summary>
    private readonly ReusablePool<JsonScratch> _scratch = new();

    /// <summary>The page's JSON-LD as UTF-8.</summary>
    public byte[] Build(Page page)
    {
        var scratch = _scratch.TryRent() ?? new JsonScratch();
        var buffer = scratch.Buffer;
        buffer.ResetWrittenCount();
        var json = scratch.Writer;
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("@context", Context);
        json.WriteStartArray("@graph");
        switch (page.Kind)
        {
            case PageKind.Article when page.Article is { } article:
                NewsArticle(json, article, page);
                break;
            case PageKind.Author when page.Author is { } author:
                json.WriteStartObject();
                json.WriteString("@type", "ProfilePage");
                WriteIdAndUrl(json, Absolute(page.Url));
                json.WriteString("name", page.Title);
                json.WritePropertyName("mainEntity");
                Person(json, author, detailed: true);
                json.WriteEndObject();
                break;
            case PageKind.Home:
                WebSite(json);
                break;
            case PageKind.NotFound:
                break;
            default:
                json.WriteStartObject();
                json.WriteString("@type", "CollectionPage");
                WriteIdAndUrl(json, Absolute(page.Url));
                json.WriteString("name", page.Title);
                json.WriteString("description", page.Description);
                json.WriteString("inLanguage", site.Config.Language);
                SiteReference(json, "isPartOf", "WebSite");
                json.WriteEndObject();
                break;
        }

        if (page.Breadcrumb.Count > 0)
        {
            Breadcrumb(json, page);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        _scratch.Return(scratch);
        return bytes;
    }

    private void NewsArticle(Utf8JsonWriter json, Article article, Page page)
    {
        var url = Absolute(article.Url);
        json.WriteStartObject();
        json.WriteString("@type", "NewsArticle");
        json.WriteString("@id", url + "#article");
        json.WriteString("headline", article.Title);
        json.WriteString("description", page.Description);
        json.WriteString("url", url);
        json.WriteString("inLanguage", site.Config.Language);
        json.WriteString("datePublished", Date(article.Date));
        json.WriteString("dateModified", Date(article.LastModified));
        if (article.Image is { } image)
        {
            json.WriteStartArray("image");
            json.WriteStartObject();
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", Absolute(image.Url));
            json.WriteString("caption", image.Alt);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("author");
        foreach (var author in article.Authors)
        {
            Person(json, author, detailed: false);
        }

        json.WriteEndArray();
        json.WritePropertyName("publisher");
        Organization(json);
        json.WriteStartObject("mainEntityOfPage");
        json.WriteString("@type", "WebPage");
        json.WriteString("@id", url);
        json.WriteEndObject();
        if (article.Category is { } category)
        {
            json.WriteString("articleSection", category.Name);
        }

        if (article.Tags.Count > 0)
        {
            json.WriteStartArray("keywords");
            foreach (var tag in article.Tags)
            {
                json.WriteStringValue(tag.Name);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void Person(Utf8JsonWriter json, Author author, bool detailed)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Person");
        json.WriteString("name", author.Name);
        json.WriteString("url", Absolute(author.Url));
        if (detailed)
        {
            if (author.Role is { } role)
            {
                json.WriteString("jobTitle", role);
            }

            if (author.Avatar is { } avatar)
            {
                json.WriteString("image", Absolute(urls.Resolve(avatar)));
            }

            var sameAs = author.Social.Select(s => s.Url).Prepend(author.Website).OfType<string>().Where(u => u.StartsWith("http", StringComparison.Ordinal)).ToList();
            if (sameAs.Count > 0)
            {
                json.WriteStartArray("sameAs");
                foreach (var url in sameAs)
                {
                    json.WriteStringValue(url);
                }

                json.WriteEndArray();
            }

            SiteReference(json, "worksFor", "Organization");
        }

        json.WriteEndObject();
    }

    /// <summary>The site named as <paramref name="property"/> of the object being written: its type, name and home page.</summary>
    private void SiteReference(Utf8JsonWriter json, string property, string type)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", type);
        json.WriteString("name", site.Title);
        json.WriteString("url", _home);
        json.WriteEndObject();
    }

    private void Organization(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Organization");
        json.WriteString("name", site.Title);
        json.WriteString("url", _home);
        if (site.Config.Logo is { } logo)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", Absolute(urls.Resolve(logo)));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WebSite(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("@type", "WebSite");
        json.WriteString("@id", _home + "#website");
        json.WriteString("url", _home);
        json.WriteString("name", site.Title);
        json.WriteString("inLanguage", site.Config.Language);
        json.WritePropertyName("publisher");
        Organization(json);
        if (site.Config.Description.Length > 0)
        {
            json.WriteString("description", site.Config.Description);
        }

        json.WriteEndObject();
    }

    /// <summary>The visible breadcrumb, then the page itself as the last step.</summary>
    private void Breadcrumb(Utf8JsonWriter json, Page page)
    {
        json.WriteStartObject();
        json.WriteString("@type", "BreadcrumbList");
        json.WriteStartArray("itemListElement");
        var position = 0;
        foreach (var step in page.Breadcrumb.Append(new Link(page.Title, page.Url)))
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", ++position);
            json.WriteString("name", step.Name);
            json.WriteString("item", Absolute(step.Url));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private string Absolute(string url) => urls.Absolute(url);

    /// <summary>A page's <c>@id</c> and <c>url</c>, both its absolute URL.</summary>
    private static void WriteIdAndUrl(Utf8JsonWriter json, string absoluteUrl)
    {
        json.WriteString("@id", absoluteUrl);
        json.WriteString("url", absoluteUrl);
    }

    private string Date(DateTimeOffset date) => PublishingDates.Rfc3339(date, site.Config.TimeZone);

    private sealed class JsonScratch
    {
        public JsonScratch() => Writer = new Utf8JsonWriter(Buffer, Options);

        public ArrayBufferWriter<byte> Buffer { get; } = new(8192);

        public Utf8JsonWriter Writer { get; }
    }
}
