using Scriban.Runtime;
using StaticNews.Building;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Publishing;

/// <summary>Template helpers for page metadata: <c>json_ld page</c> (the JSON-LD, trusted) and <c>feed_links page</c> (the feeds to announce).</summary>
internal static class PublishingFunctions
{
    public static void Import(ScriptObject functions, SiteModel model)
    {
        var jsonLd = new JsonLdBuilder(model.Site, model.Urls);
        TemplateFunctions.Import<Page?, TrustedHtml>(functions, "json_ld", "page", (Page? page) => page is null ? TrustedHtml.Empty : TrustedHtml.FromUtf8(jsonLd.Build(page)));
        var feedLinks = new FeedLinkLists(model.Site);
        TemplateFunctions.Import<Page?, IReadOnlyList<FeedLink>>(functions, "feed_links", "page", (Page? page) => page is null ? [] : feedLinks.For(page));
    }
}
