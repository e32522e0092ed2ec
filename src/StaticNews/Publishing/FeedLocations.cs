using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>Where feeds live: in the folder of the listing they follow (/rss.xml, /category/world/atom.xml, /author/ID/feed.json).</summary>
internal static class FeedLocations
{
    public static IReadOnlyList<FeedFormat> Formats { get; } = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.JsonFeed];

    public static string FileName(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss.xml",
        FeedFormat.Atom => "atom.xml",
        FeedFormat.JsonFeed => "feed.json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string MediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Atom => "application/atom+xml",
        FeedFormat.JsonFeed => "application/feed+json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string Label(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        FeedFormat.JsonFeed => "JSON Feed",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The site-rooted URL of a feed whose listing lives at <paramref name="listingUrl"/> (a folder URL ending with '/').</summary>
    public static string Url(string listingUrl, FeedFormat format) => listingUrl + FileName(format);

    /// <summary>Where the feed of <see cref="Url"/> is written, relative to the output folder: made without its URL, every build names every feed file.</summary>
    public static string OutputPath(UrlBuilder urls, string listingUrl, FeedFormat format) => urls.OutputPathOf(listingUrl, FileName(format));

    /// <summary>The listing whose own feeds <paramref name="page"/> announces (a category, author or tag page), or null.</summary>
    public static FeedListing? ListingOf(Page page) => page.Kind switch
    {
        PageKind.Category when page.Category is { } category => new FeedListing(category.Url, category.Name),
        PageKind.Author when page.Author is { } author => new FeedListing(author.Url, author.Name),
        PageKind.Tag when page.Tag is { } tag => new FeedListing(tag.Url, tag.Name),
        _ => null,
    };

    /// <summary>The feeds a page announces: the site's everywhere, followed by <paramref name="listing"/>'s own on a category, author or tag listing.</summary>
    public static IReadOnlyList<FeedLink> LinksFor(Site site, FeedListing? listing)
    {
        var links = new List<FeedLink>(6);
        Add(links, site.Url, site.Title);
        if (listing is { } own)
        {
            Add(links, own.Url, own.Name + " – " + site.Title);
        }

        return links.AsReadOnly();
    }

    private static void Add(List<FeedLink> links, string listingUrl, string title)
    {
        foreach (var format in Formats)
        {
            links.Add(new FeedLink(title + " (" + Label(format) + ")", MediaType(format), Url(listingUrl, format)));
        }
    }
}
