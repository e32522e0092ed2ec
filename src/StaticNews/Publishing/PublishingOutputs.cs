using StaticNews.Building;
using StaticNews.Incremental;
using StaticNews.Rendering;
using StaticNews.Search;

namespace StaticNews.Publishing;

/// <summary>The files beside the HTML pages: feeds for the site and each category, author and tag; sitemaps; robots.txt; the search index.</summary>
public static class PublishingOutputs
{
    /// <summary>Generated files a site may replace with its own copy in static/ (a hand-written robots.txt).</summary>
    public static bool IsReplaceableByStaticFile(string outputPath) =>
        string.Equals(outputPath, RobotsWriter.FileName, StringComparison.Ordinal);

    public static IReadOnlyList<OutputFile> Create(SiteModel model, CancellationToken cancellationToken = default) =>
        Create(model, SitemapWriter.MaxUrlsPerFile, reuse: null, search: null, feedChannels: null, cancellationToken);

    /// <summary>
    /// The files, except that a feed or search file <paramref name="reuse"/> says the previous build wrote from the same
    /// inputs is only named. The search files are made from <paramref name="search"/> when given (from the model otherwise),
    /// the feeds from <paramref name="feedChannels"/> when the caller already has the site's (<see cref="FeedCatalog"/>).
    /// </summary>
    internal static IReadOnlyList<OutputFile> Create(SiteModel model, int maxSitemapUrls, OutputReuse? reuse = null, SearchInputs? search = null, IReadOnlyList<FeedChannel>? feedChannels = null, CancellationToken cancellationToken = default)
    {
        var urls = model.Urls;
        var config = model.Site.Config;
        var context = new FeedWriterContext(config, urls);
        var channels = feedChannels ?? FeedCatalog.Build(model.Site);
        // One file per step, not one channel: an edit of the newest article changes the site's three feeds and little else,
        // and they are the largest (every item's full text), written side by side rather than one after another.
        var formats = FeedLocations.Formats;
        var feeds = new OutputFile[channels.Count * formats.Count];
        ParallelWork.For(feeds.Length, i =>
        {
            var channel = channels[i / formats.Count];
            var format = formats[i % formats.Count];
            var path = FeedLocations.OutputPath(urls, channel.ListingUrl, format);
            if (reuse is not null && reuse.IsUnchanged(path))
            {
                feeds[i] = OutputFile.Unchanged(path);
                return;
            }

            var bytes = format switch
            {
                FeedFormat.Rss => RssFeedWriter.Write(channel, context),
                FeedFormat.Atom => AtomFeedWriter.Write(channel, context),
                _ => JsonFeedWriter.Write(channel, context),
            };
            feeds[i] = new OutputFile(path, bytes);
        }, cancellationToken);

        return
        [
            .. feeds,
            .. Sitemaps(model, maxSitemapUrls, reuse),
            new OutputFile(NewsSitemapWriter.FileName, NewsSitemapWriter.Write(model)),
            new OutputFile(RobotsWriter.FileName, RobotsWriter.Write(config, urls)),
            .. SearchOutputs.Create(model.Site, date => TemplateFunctions.FormatDate(date, config.DateFormat, config), urls.BasePath, reuse, search ?? new SearchInputs(model.Bodies), cancellationToken),
        ];
    }

    /// <summary>
    /// The sitemaps, or only their names when <paramref name="reuse"/> says the previous build wrote them all from the same
    /// inputs: their URLs and dates come from the site-wide inputs alone, so a body edit leaves them as they were.
    /// </summary>
    private static IReadOnlyList<OutputFile> Sitemaps(SiteModel model, int maxSitemapUrls, OutputReuse? reuse)
    {
        var paths = SitemapWriter.PathsOf(model, maxSitemapUrls);
        return reuse is not null && paths.All(reuse.IsUnchanged)
            ? [.. paths.Select(OutputFile.Unchanged)]
            : SitemapWriter.Write(SitemapWriter.Entries(model), model.Urls, model.Site.Config.TimeZone, maxSitemapUrls);
    }
}
