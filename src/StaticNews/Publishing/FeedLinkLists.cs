using System.Collections.Concurrent;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>
/// The feed links pages announce (<c>feed_links page</c>), made once per listing and build instead of once per page: every
/// page but a listing's announces the same three, and a listing's pages the same six. The lists are read-only, as they are shared.
/// </summary>
internal sealed class FeedLinkLists(Site site)
{
    private readonly IReadOnlyList<FeedLink> _siteFeeds = FeedLocations.LinksFor(site, null);
    private readonly ConcurrentDictionary<FeedListing, IReadOnlyList<FeedLink>> _listingFeeds = new();

    public IReadOnlyList<FeedLink> For(Page page) =>
        FeedLocations.ListingOf(page) is { } listing ? _listingFeeds.GetOrAdd(listing, static (own, site) => FeedLocations.LinksFor(site, own), site) : _siteFeeds;
}
