using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Publishing;

namespace StaticNews.Incremental;

/// <summary>
/// What each page's output depends on, as one fingerprint: the site-wide inputs (settings, categories, options), the
/// templates its kind renders with (<see cref="PageTemplateInputs"/>), the site's lists it read when it was last
/// rendered (<see cref="SiteStructure"/>, <see cref="PageReads.Lists"/>), the page's own place in them (<see
/// cref="PageStructure"/>: the articles it lists, its pager, neighbours, related and most-read articles, each by
/// identity), the front matter of the articles that place gives it (<see cref="PageArticles"/>) and of the others it
/// read when it was last rendered (<see cref="PageReads"/>), the files of the authors that place gives it (<see
/// cref="PageAuthors"/>: its own, and the bylines of its own, listed and related articles) and of the others it read,
/// and the rendered bodies whose body, word count or reading time it read (an article page's own always). So a body
/// edit renders again the pages showing that body, a headline fixed the pages showing that article (its own, the
/// listings, the neighbours and related lists holding it; every page when it is among the site's most read), an
/// author's new bio the pages showing them (their own pages, their articles' pages, the listings holding those and the
/// pages relating them), an article added the pages whose own lists or whose site lists it joins, a template the pages
/// of the kinds rendering with it, new analytics the pages whose most-read lists changed, and no other; feeds likewise
/// depend on their own items, bylines included, and on no template. The sitemaps depend on all of the site's lists and
/// every article's front matter and byline.
/// </summary>
internal sealed class PageFingerprints
{
    private readonly string _siteInputs;
    private readonly ContentHash[] _siteLists;
    private readonly ContentHash _siteArticles;
    private readonly string _siteContent;
    private readonly string _site;
    private readonly IReadOnlyDictionary<string, ArticleFingerprint> _articles;
    private readonly IReadOnlyDictionary<string, ContentHash> _authors;
    private readonly PageTemplateInputs _templates;

    public PageFingerprints(SourceSet sources, BuildOptions options, SiteModel model, PageTemplateInputs templates)
    {
        _articles = model.ArticleFingerprints;
        _authors = model.AuthorFingerprints;
        _templates = templates;
        var fingerprint = new Fingerprint()
            .Add(EngineIdentity.Version)
            .Add(options.BaseUrl)
            .Add(options.IncludeDrafts ? 1 : 0)
            .Add(options.IncludeFuture ? 1 : 0);
        // Not the authors' files: the pages showing an author depend on that author's (an article's byline, an author page,
        // the site's list of authors). Not the data files: they are the analytics behind the most-read lists, on which
        // pages depend as lists (site.popular, a category page's own most read). Not the templates: each page depends on
        // those its kind renders with, the feeds and sitemaps on none. Not the static files: nothing renders from them.
        foreach (var file in new[] { sources.SiteConfig, sources.Categories })
        {
            fingerprint.Add(file?.Path).Add(file is null ? [] : file.Bytes.Span);
        }

        // An expired article is out of the site's lists but keeps its own page (expired_pages: keep).
        foreach (var page in model.Pages)
        {
            if (page is { Kind: PageKind.Article, Article: { Expired: true } expired })
            {
                fingerprint.Add("expired").Add(expired.SourcePath);
            }
        }

        _siteInputs = fingerprint.Finish();
        _siteLists = SiteStructure.HashesOf(model.Site, _authors);

        // The front matter of the site's lists any page may show (PageArticles), taken once for every page.
        var siteArticles = new Fingerprint();
        AddFrontMatters(siteArticles, model.Site.Popular);
        AddFrontMatters(siteArticles, model.Site.Breaking);
        _siteArticles = siteArticles.FinishHash();

        // Every list and every article's front matter besides: what the sitemaps show; with every template, what a build
        // compares to tell that only bodies changed (BodyOnlyChange).
        var site = new Fingerprint().Add(_siteInputs);
        foreach (var list in _siteLists)
        {
            site.AddHash(list);
        }

        foreach (var page in model.Pages)
        {
            if (page is { Kind: PageKind.Article, Article: { } article })
            {
                AddFrontMatterAndByline(site, article.SourcePath);
            }
        }

        _siteContent = site.Finish();
        _site = OfEverythingButBodies(_siteContent, sources, model, templates);
    }

    /// <summary>
    /// <paramref name="siteContent"/> with every template, the data files, the static files' paths and the category pages'
    /// most-read lists: everything a page's fingerprint may take but the articles' bodies, and the inputs it need not take.
    /// The category pages' lists come from the whole ranking, not the site's most read alone, and they move with the
    /// analytics window as well as with the data files.
    /// </summary>
    private static string OfEverythingButBodies(string siteContent, SourceSet sources, SiteModel model, PageTemplateInputs templates)
    {
        var site = new Fingerprint().Add(siteContent).AddHash(templates.All);
        foreach (var file in sources.Data.Values)
        {
            site.Add(file.Path).Add(file.Bytes.Span);
        }

        foreach (var file in sources.StaticFiles)
        {
            site.Add(file.OutputPath);
        }

        foreach (var page in model.Pages)
        {
            if (page.MostRead.Count > 0)
            {
                site.Add(page.OutputPath);
                PageStructure.AddArticles(site, page.MostRead);
            }
        }

        return site.Finish();
    }

    /// <summary>
    /// The site-wide inputs, every template, data file and static file's path, the site's lists, the category pages' most
    /// read and every article's front matter and byline: the same when only bodies changed.
    /// </summary>
    public string Site => _site;

    /// <summary>
    /// The page's fingerprint: the site-wide inputs, the templates of its kind (<see cref="PageTemplateInputs"/>), the site's
    /// lists it read and its own place in them, the front matters of the articles and the files of the authors that place
    /// gives it (<see cref="PageArticles"/>, <see cref="PageAuthors"/>), and the front matters, bodies and authors' files it
    /// read besides when it was last rendered (<paramref name="reads"/>; an article page always its own article's body).
    /// Equal fingerprints mean the page's templates read the same values, so they read the same articles, authors and lists
    /// again and render the same page.
    /// </summary>
    public ContentHash Of(Page page, PageReads reads)
    {
        var fingerprint = new Fingerprint().Add(_siteInputs).AddHash(_templates.For(page.Kind)).AddHash(_siteArticles).Add((int)reads.Lists);
        for (var bit = 0; bit < _siteLists.Length; bit++)
        {
            if (((int)reads.Lists & (1 << bit)) != 0)
            {
                fingerprint.AddHash(_siteLists[bit]);
            }
        }

        PageStructure.AddTo(fingerprint, page);

        // The articles the page's place gives it (PageArticles) with the bylines it gives it (PageAuthors), then those it read besides.
        fingerprint.AddHash(page.Author is { } author ? _authors.GetValueOrDefault(author.Id) : default);
        if (page is { Kind: PageKind.Article, Article: { } article })
        {
            AddFrontMatterAndByline(fingerprint, article.SourcePath);
            AddBody(fingerprint, article.SourcePath);
        }

        fingerprint.Add(page.Previous is null ? null : FrontMatterOf(page.Previous.SourcePath)).Add(page.Next is null ? null : FrontMatterOf(page.Next.SourcePath));
        AddFrontMattersAndBylines(fingerprint, page.Articles);
        AddFrontMattersAndBylines(fingerprint, page.Related);
        AddFrontMatters(fingerprint, page.MostRead);
        fingerprint.Add(reads.Articles.Length);
        foreach (var path in reads.Articles)
        {
            AddFrontMatter(fingerprint, path);
        }

        fingerprint.Add(reads.Bodies.Length);
        foreach (var path in reads.Bodies)
        {
            AddBody(fingerprint, path);
        }

        fingerprint.Add(reads.Authors.Length);
        foreach (var id in reads.Authors)
        {
            fingerprint.Add(id).AddHash(_authors.GetValueOrDefault(id));
        }

        return fingerprint.FinishHash();
    }

    private void AddFrontMatters(Fingerprint fingerprint, IReadOnlyList<Article> articles)
    {
        fingerprint.Add(articles.Count);
        foreach (var article in articles)
        {
            fingerprint.Add(FrontMatterOf(article.SourcePath));
        }
    }

    private string? FrontMatterOf(string sourcePath) => _articles.TryGetValue(sourcePath, out var parts) ? parts.FrontMatter : null;

    private void AddFrontMatter(Fingerprint fingerprint, string sourcePath) => fingerprint.Add(sourcePath).Add(FrontMatterOf(sourcePath));

    /// <summary>The front matters and bylines of a list whose cards a theme shows (a listing's, related articles'), each looked up once.</summary>
    private void AddFrontMattersAndBylines(Fingerprint fingerprint, IReadOnlyList<Article> articles)
    {
        fingerprint.Add(articles.Count);
        foreach (var article in articles)
        {
            AddFrontMatterAndBylineWithoutPath(fingerprint, article.SourcePath);
        }
    }

    private void AddFrontMatterAndByline(Fingerprint fingerprint, string sourcePath) => AddFrontMatterAndBylineWithoutPath(fingerprint.Add(sourcePath), sourcePath);

    /// <summary>An article's front matter and byline (its authors' files): all a card, a feed item or a sitemap shows of it besides its body.</summary>
    private void AddFrontMatterAndBylineWithoutPath(Fingerprint fingerprint, string sourcePath)
    {
        if (_articles.TryGetValue(sourcePath, out var parts))
        {
            fingerprint.Add(parts.FrontMatter).AddHash(parts.Byline);
        }
        else
        {
            fingerprint.Add(-1);
        }
    }

    private void AddBody(Fingerprint fingerprint, string sourcePath)
    {
        fingerprint.Add(sourcePath);
        if (_articles.TryGetValue(sourcePath, out var parts))
        {
            fingerprint.Add(1).AddHash(parts.Body);
        }
        else
        {
            fingerprint.Add(0);
        }
    }

    /// <summary>
    /// The sitemaps' fingerprints, by output path: <see cref="Site"/>'s but the templates, since they list every article with
    /// its dates (the previous build's as they were when <paramref name="bodyOnly"/> says only bodies changed).
    /// </summary>
    public IEnumerable<(string Path, ContentHash Fingerprint)> OfSitemaps(SiteModel model, BodyOnlyChange? bodyOnly = null)
    {
        foreach (var path in SitemapWriter.PathsOf(model))
        {
            yield return (path, bodyOnly is not null && bodyOnly.TryKeep(path, [], carriesBodies: false, out var kept)
                ? kept
                : new Fingerprint().Add(_siteContent).Add("sitemap").Add(path).FinishHash());
        }
    }

    /// <summary>
    /// Each feed file's fingerprint, by output path: the site-wide inputs, what its channel shows of itself (title,
    /// description, listing), its items in order with their front matters and, for feeds carrying whole articles, their
    /// bodies: all a feed writer reads, so an article added changes only the feeds it joins. When <paramref name="bodyOnly"/> says only some bodies
    /// changed, a feed carrying none of them keeps the previous build's fingerprint.
    /// </summary>
    public IEnumerable<(string Path, ContentHash Fingerprint)> OfFeeds(SiteModel model, IReadOnlyList<FeedChannel> channels, BodyOnlyChange? bodyOnly = null)
    {
        foreach (var channel in channels)
        {
            foreach (var format in FeedLocations.Formats)
            {
                var path = FeedLocations.OutputPath(model.Urls, channel.ListingUrl, format);
                if (bodyOnly is not null && bodyOnly.TryKeep(path, channel.Articles, channel.Content == FeedContent.Full, out var kept))
                {
                    yield return (path, kept);
                    continue;
                }

                var fingerprint = new Fingerprint().Add(_siteInputs).Add(path).Add(channel.Title).Add(channel.Description).Add(channel.ListingUrl)
                    .Add((int)channel.Content).Add(channel.Articles.Count);
                foreach (var article in channel.Articles)
                {
                    AddFrontMatterAndByline(fingerprint, article.SourcePath);
                    if (channel.Content == FeedContent.Full)
                    {
                        AddBody(fingerprint, article.SourcePath);
                    }
                }

                yield return (path, fingerprint.FinishHash());
            }
        }
    }
}
