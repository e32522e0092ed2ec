using System.Collections.Concurrent;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>What every feed writer needs: the settings, absolute URLs, and an item's content as configured. Safe to share between threads.</summary>
internal sealed class FeedWriterContext(SiteConfig config, UrlBuilder urls)
{
    public const string Generator = "StaticNews";

    // An article appears in many feeds (site, categories, authors, tags; three formats each): its content is rewritten once.
    private readonly ConcurrentDictionary<Article, string> _content = ConcurrentTables.Sized<Article, string>(1024, ReferenceEqualityComparer.Instance);

    // Feeds run to hundreds of KB: each in a new stream would grow it (and copy) a dozen times.
    private readonly ReusablePool<MemoryStream> _streams = new();

    public SiteConfig Config { get; } = config;

    public UrlBuilder Urls { get; } = urls;

    public string Absolute(string url) => Urls.Absolute(url);

    public string Date(DateTimeOffset date) => PublishingDates.Rfc3339(date, Config.TimeZone);

    /// <summary>The article's HTML with links and images made absolute, since feed readers show it away from the site; null in summary mode.</summary>
    public string? ContentHtml(Article article, FeedContent content) =>
        content == FeedContent.Full
            ? _content.GetOrAdd(article, a => a.Body.Utf8OrNull is { } utf8 ? HtmlUrlRewriter.Rewrite(utf8.Span, AbsoluteIfSiteRooted) : HtmlUrlRewriter.Rewrite(a.Body.Html, AbsoluteIfSiteRooted))
            : null;

    private string? AbsoluteIfSiteRooted(string url) => SiteUrls.IsSiteRooted(url, Urls.BasePath) ? Urls.Absolute(url) : null;

    /// <summary>
    /// What <paramref name="write"/> writes of <paramref name="channel"/> into a stream given room for the whole feed at once
    /// (grown by doubling, the stream of a 170 KB feed leaves as much again in discarded buffers). A stream kept from an
    /// earlier feed is copied out of and kept again. One made for this feed is the feed's bytes when the feed filled most of
    /// it: copied, it would be fresh memory twice over (the three site-wide feeds an edit writes are 0.5 MB at 1,000 articles).
    /// </summary>
    public ReadOnlyMemory<byte> Bytes(FeedChannel channel, Action<MemoryStream> write)
    {
        var expected = ExpectedLength(channel);
        var kept = _streams.TryRent();
        var stream = kept ?? new MemoryStream(expected);
        stream.SetLength(0);
        if (stream.Capacity < expected)
        {
            stream.Capacity = expected;
        }

        write(stream);
        if (kept is null && stream.Length >= stream.Capacity - (stream.Capacity / 4))
        {
            return new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length);
        }

        var bytes = stream.ToArray();
        _streams.Return(stream);
        return bytes;
    }

    /// <summary>
    /// About the size of <paramref name="channel"/>'s feed: each item's text and a quarter more (XML escapes every tag of an
    /// article's HTML), a kilobyte per item for the rest, and a few for the channel's own elements.
    /// </summary>
    public static int ExpectedLength(FeedChannel channel)
    {
        var length = 4096L;
        foreach (var article in channel.Articles)
        {
            var text = channel.Content == FeedContent.Full ? article.Body.LengthHint : SummaryText(article).Length;
            length += 1024 + (text * 5L / 4);
        }

        return (int)Math.Min(length, Array.MaxLength);
    }

    /// <summary>The article's summary, else its title: summary mode needs some text for every item.</summary>
    public static string SummaryText(Article article) => article.Summary ?? article.Title;

    /// <summary>The newest modification among the items: a feed's "updated", never the time of the build, so output stays deterministic.</summary>
    public static DateTimeOffset Updated(IReadOnlyList<Article> articles) =>
        articles.Count == 0 ? DateTimeOffset.UnixEpoch : articles.Max(a => a.LastModified);
}
