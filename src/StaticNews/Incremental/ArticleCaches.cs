using StaticNews.Building;
using StaticNews.Model;
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

    private ArticleCaches(string folder, string context, DraftCache drafts, BodyCache bodies, RelatedCache related)
    {
        _folder = folder;
        _context = context;
        Drafts = drafts;
        Bodies = bodies;
        Related = related;
    }

    /// <summary>No caches: every article is parsed and rendered, and nothing is written.</summary>
    public static ArticleCaches Disabled() => new(string.Empty, string.Empty, DraftCache.Empty, BodyCache.Empty, RelatedCache.Empty);

    public bool IsEnabled => _folder.Length > 0;

    public DraftCache Drafts { get; private set; }

    public BodyCache Bodies { get; private set; }

    public RelatedCache Related { get; private set; }

    /// <summary>
    /// Loads the caches in <paramref name="folder"/> (beside the output) that were written for the same
    /// <paramref name="siteConfig"/> (site.yml's bytes) and <paramref name="baseUrlOverride"/>: what every entry depends on
    /// besides its own file.
    /// </summary>
    public static ArticleCaches Load(string folder, ReadOnlySpan<byte> siteConfig, string? baseUrlOverride)
    {
        var context = BodyCache.ContextOf(siteConfig, baseUrlOverride);
        return new ArticleCaches(folder, context, DraftCache.Load(folder, context), BodyCache.Load(folder, context), RelatedCache.Load(folder, context));
    }

    /// <summary>
    /// Writes the model's drafts, bodies and related lists as pending caches and returns the model without them, with where
    /// the search index takes the body terms from until then. The loaded caches are let go.
    /// </summary>
    public (SiteModel Model, Func<Article, BodyTerms> BodyTermsOf) WritePending(SiteModel model)
    {
        _pending = new PendingCaches(_folder);
        DraftCache.Save(_pending.PathOf(DraftCache.FileName), _context, model.Drafts, previous: Drafts);
        BodyCache.Save(_pending.PathOf(BodyCache.FileName), _context, [.. model.Bodies.Values], previous: Bodies);
        if (model.Related is { } related)
        {
            RelatedCache.Save(_pending.PathOf(RelatedCache.FileName), _context, related.Inputs, related.Lists);
        }

        (Drafts, Bodies, Related) = (DraftCache.Empty, BodyCache.Empty, RelatedCache.Empty);
        var terms = model.Bodies.ToDictionary(p => p.Key, p => p.Value.Terms, StringComparer.Ordinal);
        return (model with { Drafts = [], Bodies = new Dictionary<string, RenderedBody>(), Related = null },
            article => terms.TryGetValue(article.SourcePath, out var found) ? found : BodyTerms.Of(article.Body.Html));
    }

    /// <summary>The build succeeded: the pending caches replace the previous ones.</summary>
    public void Commit() => _pending?.Commit();

    /// <summary>The build failed: the pending caches go, and the cache folder is as the build found it.</summary>
    public void Discard() => _pending?.Discard();
}
