using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Output;
using StaticNews.Search;

namespace StaticNews.Incremental;

/// <summary>
/// The draft and body caches around one build: loaded before the model is built, written as soon as it is (as pending files,
/// so what they hold need not live through rendering), then put in place or removed with the build's outcome.
/// </summary>
internal sealed class ArticleCaches
{
    private readonly string _folder;
    private readonly string _context;
    private PendingCaches? _pending;
    private Task _pendingWrite = Task.CompletedTask;
    private PoolWork<BodyCache> _bodies;

    private ArticleCaches(string folder, string context, DraftCache drafts, PoolWork<BodyCache> bodies, RelatedCache related, SearchCache search)
    {
        _folder = folder;
        _context = context;
        Drafts = drafts;
        _bodies = bodies;
        Related = related;
        Search = search;
    }

    /// <summary>No caches: every article is parsed and rendered, and nothing is written.</summary>
    public static ArticleCaches Disabled() => new(string.Empty, string.Empty, DraftCache.Empty, PoolWork<BodyCache>.Completed(BodyCache.Empty), RelatedCache.Empty, SearchCache.Empty);

    public bool IsEnabled => _folder.Length > 0;

    public DraftCache Drafts { get; private set; }

    /// <summary>The body cache; waits for it to be loaded.</summary>
    public BodyCache Bodies => _bodies.Result;

    public RelatedCache Related { get; private set; }

    public SearchCache Search { get; private set; }

    /// <summary>
    /// Loads the caches in <paramref name="folder"/> (beside the output) that were written for the same
    /// <paramref name="siteConfig"/> (site.yml's bytes) and <paramref name="baseUrlOverride"/>: what every entry depends on
    /// besides its own file. The body cache, the largest (87 MB at 10,000 articles) and needed only once front matters are
    /// read, loads on a pool thread meanwhile.
    /// </summary>
    public static ArticleCaches Load(string folder, ReadOnlySpan<byte> siteConfig, string? baseUrlOverride)
    {
        var context = BodyCache.ContextOf(siteConfig, baseUrlOverride);
        var bodies = ParallelWork.Start(() => BodyCache.Load(folder, context));
        return new ArticleCaches(folder, context, DraftCache.Load(folder, context), bodies, RelatedCache.Load(folder, context), SearchCache.Load(folder, context));
    }

    /// <summary>
    /// Starts writing the model's drafts, bodies, related lists and indexed articles as pending caches, on a pool thread while
    /// the pages render (<see cref="FinishPending"/> waits for it), and returns the model without them, with what the search
    /// files are then made from (the rendered bodies, for their terms, and what lets the files of <paramref name="previousOutput"/>
    /// be updated in place). The calendar texts this build took from the site's culture, if any, are kept with them. The
    /// loaded caches are let go, except the bodies, whose search terms can still serve to update the previous search files
    /// (their HTML is in use anyway: cached bodies point into it). The writing is started through <paramref name="start"/>
    /// when given (the output check's <see cref="OutputCheck.WhenWritable"/>: a build that may not write its output writes no
    /// cache), at once on a pool thread otherwise.
    /// </summary>
    public (SiteModel Model, SearchInputs Search) WritePending(SiteModel model, PreviousOutput? previousOutput, CalendarToKeep? calendar = null, Func<Action, Task>? start = null)
    {
        var pending = _pending = new PendingCaches(_folder);
        var indexed = IndexedArticles(model);
        var (previousDrafts, previousBodies) = (Drafts, Bodies);
        _pendingWrite = (start ?? Task.Run)(() =>
        {
            DraftCache.Save(pending.PathOf(DraftCache.FileName), _context, model.Drafts, previous: previousDrafts);
            BodyCache.Save(pending.PathOf, _context, [.. model.Bodies.Values], previous: previousBodies);
            if (model.Related is { } related)
            {
                RelatedCache.Save(pending.PathOf(RelatedCache.FileName), _context, related.Inputs, related.Lists);
            }

            SearchCache.Save(pending.PathOf(SearchCache.FileName), _context, indexed);
            if (calendar is not null)
            {
                CalendarCache.Save(pending.PathOf(CalendarCache.FileName), calendar.Identity, calendar.Texts);
            }
        });
        var search = new SearchInputs(model.Bodies)
        {
            Indexed = indexed,
            PreviouslyIndexed = Search.Articles,
            PreviousTermsOf = previousBodies.FindTerms,
            PreviousOutput = previousOutput,
        };

        (Drafts, _bodies, Related, Search) = (DraftCache.Empty, PoolWork<BodyCache>.Completed(BodyCache.Empty), RelatedCache.Empty, SearchCache.Empty);
        return (model with { Drafts = [], Bodies = new Dictionary<string, RenderedBody>(), Related = null }, search);
    }

    /// <summary>Waits until the pending caches are written; throws what writing them threw.</summary>
    public void FinishPending() => _pendingWrite.GetAwaiter().GetResult();

    /// <summary>What each article of the search index (in its order) is indexed from.</summary>
    private static IndexedArticle[] IndexedArticles(SiteModel model)
    {
        var articles = model.Site.Articles;
        var indexed = new IndexedArticle[articles.Count];
        ParallelWork.For(articles.Count, i =>
        {
            var article = articles[i];
            var (bodyKey, htmlHash) = model.Bodies.TryGetValue(article.SourcePath, out var body)
                ? (body.Key, body.HtmlHash)
                : (string.Empty, ContentHash.Of(article.Body.Utf8Bytes()));
            indexed[i] = new IndexedArticle(article.Url, ArticleTerms.MetadataKeyOf(article), htmlHash, bodyKey);
        }, CancellationToken.None);

        return indexed;
    }

    /// <summary>The build succeeded: the pending caches replace the previous ones.</summary>
    public void Commit()
    {
        FinishPending();
        _pending?.Commit();
    }

    /// <summary>The build failed: once they are no longer being written, the pending caches go, and the cache folder is as the build found it.</summary>
    public void Discard()
    {
        ((IAsyncResult)_pendingWrite).AsyncWaitHandle.WaitOne();
        _pending?.Discard();
    }
}
