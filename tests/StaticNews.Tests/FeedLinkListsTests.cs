using System.Globalization;
using StaticNews.Model;
using StaticNews.Publishing;

namespace StaticNews.Tests;

/// <summary>The feed links pages announce are made once per listing, shared read-only, and the same as made per page.</summary>
public sealed class FeedLinkListsTests
{
    private static readonly Site Site = new()
    {
        Config = new SiteConfig { Title = "Gulf Desk", BaseUrl = "https://example.org/", BasePath = "/", Language = "en", Culture = CultureInfo.InvariantCulture, TimeZone = TimeZoneInfo.Utc, ShortName = "GD" },
        Articles = [],
        Authors = [],
        Categories = [],
        Tags = [],
        Popular = [],
        ArchiveMonths = [],
    };

    private static readonly Category Trade = new() { Path = "economy/trade", Slug = "trade", Name = "Trade", Url = "/economy/trade/" };

    private static Page PageOf(PageKind kind, string url, Category? category = null) =>
        new() { Kind = kind, Url = url, OutputPath = url.Trim('/') + "/index.html", Title = "T", Category = category };

    [Fact]
    public void A_listing_announces_its_own_feeds_after_the_sites_and_its_pages_share_one_read_only_list()
    {
        var lists = new FeedLinkLists(Site);
        var first = lists.For(PageOf(PageKind.Category, "/economy/trade/", Trade));
        var second = lists.For(PageOf(PageKind.Category, "/economy/trade/page/2/", Trade));

        Assert.Same(first, second);
        Assert.Equal(FeedLocations.LinksFor(Site, new FeedListing("/economy/trade/", "Trade")), first);
        Assert.Equal(6, first.Count);
        Assert.Equal("/economy/trade/rss.xml", first[3].Url);
        Assert.Equal("Trade – Gulf Desk (RSS)", first[3].Title);
        Assert.Throws<NotSupportedException>(() => ((IList<FeedLink>)first)[0] = first[1]);
    }

    [Fact]
    public void Other_pages_announce_the_sites_feeds_only()
    {
        var lists = new FeedLinkLists(Site);
        var article = lists.For(PageOf(PageKind.Article, "/economy/trade/talks/", Trade));

        Assert.Same(article, lists.For(PageOf(PageKind.Home, "/")));
        Assert.Equal(["Gulf Desk (RSS)", "Gulf Desk (Atom)", "Gulf Desk (JSON Feed)"], article.Select(l => l.Title));
    }
}
