using Scriban.Runtime;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>Template helpers for page metadata: <c>json_ld page</c> (the JSON-LD, trusted) and <c>feed_links page</c> (the feeds to announce).</summary>
internal static class PublishingFunctions
{
    public static void Import(ScriptObject functions, SiteModel model)
    {
        var jsonLd = new JsonLdBuilder(model.Site, model.Urls);
        functions.Import("json_ld", new Func<Page?, TrustedHtml>(page => page is null ? TrustedHtml.Empty : new TrustedHtml(jsonLd.Build(page))));
        functions.Import("feed_links", new Func<Page?, IReadOnlyList<FeedLink>>(page => page is null ? [] : FeedLocations.LinksFor(page, model.Site)));
    }
}
