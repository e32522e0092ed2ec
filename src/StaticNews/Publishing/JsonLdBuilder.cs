using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>
/// The schema.org JSON-LD of a page, serialised with System.Text.Json: NewsArticle on articles, ProfilePage with a Person on
/// authors, CollectionPage on listings, WebSite on the home page, and a BreadcrumbList matching the visible breadcrumb.
/// The encoder escapes &lt;, &gt;, &amp; and quotes as \u003C and so on, so no value can close the script element.
/// </summary>
internal sealed class JsonLdBuilder(Site site, UrlBuilder urls)
{
    private const string Context = "https://schema.org";
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string Build(Page page)
    {
        var graph = new JsonArray();
        switch (page.Kind)
        {
            case PageKind.Article when page.Article is { } article:
                graph.Add(NewsArticle(article, page));
                break;
            case PageKind.Author when page.Author is { } author:
                graph.Add(new JsonObject
                {
                    ["@type"] = "ProfilePage",
                    ["@id"] = Absolute(page.Url),
                    ["url"] = Absolute(page.Url),
                    ["name"] = page.Title,
                    ["mainEntity"] = Person(author, detailed: true),
                });
                break;
            case PageKind.Home:
                graph.Add(WebSite());
                break;
            case PageKind.NotFound:
                break;
            default:
                graph.Add(new JsonObject
                {
                    ["@type"] = "CollectionPage",
                    ["@id"] = Absolute(page.Url),
                    ["url"] = Absolute(page.Url),
                    ["name"] = page.Title,
                    ["description"] = page.Description,
                    ["inLanguage"] = site.Config.Language,
                    ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = site.Title, ["url"] = Absolute(urls.Home) },
                });
                break;
        }

        if (page.Breadcrumb.Count > 0)
        {
            graph.Add(Breadcrumb(page));
        }

        var root = new JsonObject { ["@context"] = Context, ["@graph"] = graph };
        return root.ToJsonString(Options);
    }

    private JsonObject NewsArticle(Article article, Page page)
    {
        var node = new JsonObject
        {
            ["@type"] = "NewsArticle",
            ["@id"] = Absolute(article.Url) + "#article",
            ["headline"] = article.Title,
            ["description"] = page.Description,
            ["url"] = Absolute(article.Url),
            ["inLanguage"] = site.Config.Language,
            ["datePublished"] = Date(article.Date),
            ["dateModified"] = Date(article.LastModified),
        };
        if (article.Image is { } image)
        {
            node["image"] = new JsonArray(new JsonObject { ["@type"] = "ImageObject", ["url"] = Absolute(image.Url), ["caption"] = image.Alt });
        }

        node["author"] = new JsonArray([.. article.Authors.Select(a => (JsonNode)Person(a, detailed: false))]);
        node["publisher"] = Organization();
        node["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = Absolute(article.Url) };
        if (article.Category is { } category)
        {
            node["articleSection"] = category.Name;
        }

        if (article.Tags.Count > 0)
        {
            node["keywords"] = new JsonArray([.. article.Tags.Select(t => (JsonNode)JsonValue.Create(t.Name))]);
        }

        return node;
    }

    private JsonObject Person(Author author, bool detailed)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = author.Name, ["url"] = Absolute(author.Url) };
        if (!detailed)
        {
            return person;
        }

        if (author.Role is { } role)
        {
            person["jobTitle"] = role;
        }

        if (author.Avatar is { } avatar)
        {
            person["image"] = Absolute(urls.Resolve(avatar));
        }

        var sameAs = author.Social.Select(s => s.Url).Prepend(author.Website).OfType<string>().Where(u => u.StartsWith("http", StringComparison.Ordinal)).ToList();
        if (sameAs.Count > 0)
        {
            person["sameAs"] = new JsonArray([.. sameAs.Select(u => (JsonNode)JsonValue.Create(u))]);
        }

        person["worksFor"] = new JsonObject { ["@type"] = "Organization", ["name"] = site.Title, ["url"] = Absolute(urls.Home) };
        return person;
    }

    private JsonObject Organization()
    {
        var organization = new JsonObject { ["@type"] = "Organization", ["name"] = site.Title, ["url"] = Absolute(urls.Home) };
        if (site.Config.Logo is { } logo)
        {
            organization["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = Absolute(urls.Resolve(logo)) };
        }

        return organization;
    }

    private JsonObject WebSite()
    {
        var node = new JsonObject
        {
            ["@type"] = "WebSite",
            ["@id"] = Absolute(urls.Home) + "#website",
            ["url"] = Absolute(urls.Home),
            ["name"] = site.Title,
            ["inLanguage"] = site.Config.Language,
            ["publisher"] = Organization(),
        };
        if (site.Config.Description.Length > 0)
        {
            node["description"] = site.Config.Description;
        }

        return node;
    }

    /// <summary>The visible breadcrumb, then the page itself as the last step.</summary>
    private JsonObject Breadcrumb(Page page)
    {
        var items = new JsonArray();
        var steps = page.Breadcrumb.Append(new Link(page.Title, page.Url)).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = steps[i].Name,
                ["item"] = Absolute(steps[i].Url),
            });
        }

        return new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = items };
    }

    private string Absolute(string url) => urls.Absolute(url);

    private string Date(DateTimeOffset date) => PublishingDates.Rfc3339(date, site.Config.TimeZone);
}
