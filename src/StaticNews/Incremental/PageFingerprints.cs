using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Publishing;

namespace StaticNews.Incremental;

/// <summary>
/// What each page's output depends on, as one fingerprint. Every page depends on the whole site's "front page" data: settings,
/// categories, authors, data files, templates, static files and every article's front matter (listings, navigation, related
/// and popular lists, also-read titles all come from there). A page also depends on the bodies it showed when it was last
/// rendered (their HTML, word count or reading time; an article page's own always). So a body edit re-renders the pages that
/// show that body (and the feeds carrying the article whole); any other change re-renders them all (and still writes only the
/// files that differ). The sitemaps depend on the site-wide data alone.
/// </summary>
internal sealed class PageFingerprints
{
    private readonly string _site;
    private readonly IReadOnlyDictionary<string, ArticleFingerprint> _articles;

    public PageFingerprints(SourceSet sources, BuildOptions options, SiteModel model)
    {
        _articles = model.ArticleFingerprints;
        var fingerprint = new Fingerprint()
            .Add(EngineIdentity.Version)
            .Add(options.BaseUrl)
            .Add(options.IncludeDrafts ? 1 : 0)
            .Add(options.IncludeFuture ? 1 : 0);
        foreach (var file in new[] { sources.SiteConfig, sources.Categories }.Concat(sources.Authors).Concat(sources.Data.Values))
        {
            fingerprint.Add(file?.Path).Add(file is null ? [] : file.Bytes.Span);
        }

        foreach (var template in sources.Templates.Values)
        {
            fingerprint.Add(template.Name).Add(template.Text);
        }

        foreach (var file in sources.StaticFiles)
        {
            fingerprint.Add(file.OutputPath);
        }

        // What a page shows of articles' bodies (their HTML, word count, reading time) is in its own fingerprint: see Of.
        foreach (var article in model.Site.Articles)
        {
            fingerprint.Add(article.SourcePath);
            fingerprint.Add(_articles.TryGetValue(article.SourcePath, out var parts) ? parts.FrontMatter : null);
        }

        // An expired article is out of the site's lists but keeps its own page (expired_pages: keep), which shows its front
        // matter (a correction, a new title) as any article page does.
        foreach (var page in model.Pages)
        {
            if (page is { Kind: PageKind.Article, Article: { Expired: true } expired })
            {
                fingerprint.Add("expired").Add(expired.SourcePath);
                fingerprint.Add(_articles.TryGetValue(expired.SourcePath, out var parts) ? parts.FrontMatter : null);
            }
        }

        // Lists that depend on the build's clock as well as on the sources: the breaking banner and the analytics window.
        foreach (var article in model.Site.Breaking)
        {
            fingerprint.Add("breaking").Add(article.SourcePath);
        }

        foreach (var article in model.Site.Popular)
        {
            fingerprint.Add("popular").Add(article.SourcePath);
        }

        _site = fingerprint.Finish();
    }

    public string Site => _site;

    /// <summary>
    /// The page's fingerprint: the site's, its path, and the bodies of the articles it read when it was last rendered
    /// (<paramref name="bodyReads"/>, source paths; an article page always its own). Equal fingerprints mean the page's
    /// template reads the same values, so it reads the same bodies again.
    /// </summary>
    public ContentHash Of(Page page, IReadOnlyList<string> bodyReads)
    {
        var fingerprint = new Fingerprint().Add(_site).Add(page.OutputPath);
        if (page is { Kind: PageKind.Article, Article: { } article })
        {
            AddBody(fingerprint, article.SourcePath);
        }

        fingerprint.Add(bodyReads.Count);
        foreach (var path in bodyReads)
        {
            AddBody(fingerprint, path);
        }

        return fingerprint.FinishHash();
    }

    private void AddBody(Fingerprint fingerprint, string sourcePath) =>
        fingerprint.Add(sourcePath).Add(_articles.TryGetValue(sourcePath, out var parts) ? parts.Body : null);

    /// <summary>
    /// The sitemaps' fingerprints, by output path: the site's, since every URL and date in them comes from the site-wide inputs
    /// (the previous build's as they were when <paramref name="bodyOnly"/> says only bodies changed).
    /// </summary>
    public IEnumerable<(string Path, ContentHash Fingerprint)> OfSitemaps(SiteModel model, BodyOnlyChange? bodyOnly = null)
    {
        foreach (var path in SitemapWriter.PathsOf(model))
        {
            yield return (path, bodyOnly is not null && bodyOnly.TryKeep(path, [], carriesBodies: false, out var kept)
                ? kept
                : new Fingerprint().Add(_site).Add("sitemap").Add(path).FinishHash());
        }
    }

    /// <summary>
    /// Each feed file's fingerprint, by output path: the site's (which covers every article's front matter, so the items and
    /// their order) and, for feeds carrying whole articles, the bodies of its items. When <paramref name="bodyOnly"/> says only
    /// some bodies changed, a feed carrying none of them keeps the previous build's fingerprint.
    /// </summary>
    public IEnumerable<(string Path, ContentHash Fingerprint)> OfFeeds(SiteModel model, IReadOnlyList<FeedChannel> channels, BodyOnlyChange? bodyOnly = null)
    {
        foreach (var channel in channels)
        {
            foreach (var format in FeedLocations.Formats)
            {
                var path = model.Urls.OutputPathOf(FeedLocations.Url(channel.ListingUrl, format));
                if (bodyOnly is not null && bodyOnly.TryKeep(path, channel.Articles, channel.Content == FeedContent.Full, out var kept))
                {
                    yield return (path, kept);
                    continue;
                }

                var fingerprint = new Fingerprint().Add(_site).Add(path).Add((int)channel.Content);
                if (channel.Content == FeedContent.Full)
                {
                    foreach (var article in channel.Articles)
                    {
                        fingerprint.Add(_articles.TryGetValue(article.SourcePath, out var parts) ? parts.Body : article.Body.Html);
                    }
                }

                yield return (path, fingerprint.FinishHash());
            }
        }
    }
}
