using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>The result of stage 3: the site and every page to render.</summary>
public sealed record SiteModel(Site Site, IReadOnlyList<Page> Pages, UrlBuilder Urls)
{
    /// <summary>The time of the build from <see cref="BuildOptions.Clock"/>: what the news sitemap's two-day window is measured from.</summary>
    public DateTimeOffset BuiltAt { get; init; }

    /// <summary>
    /// When the same sources stop giving the same site: the next scheduled article, an expiry, a breaking banner's end, the
    /// news window or the analytics window moving. Null when never.
    /// </summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Per published article (by source path), fingerprints of its front matter and body, for incremental builds.</summary>
    public IReadOnlyDictionary<string, ArticleFingerprint> ArticleFingerprints { get; init; } = new Dictionary<string, ArticleFingerprint>();

    /// <summary>
    /// Per author (by id), the fingerprint of the author's file, path and bytes: everything the author's record holds comes
    /// from it and from site.yml, so pages showing an author depend on it rather than on every author's file.
    /// </summary>
    public IReadOnlyDictionary<string, ContentHash> AuthorFingerprints { get; init; } = new Dictionary<string, ContentHash>();

    /// <summary>How each article file that could be read was cut in two, by path: kept beside the build cache for the next build.</summary>
    internal IReadOnlyDictionary<string, SplitFacts> Splits { get; init; } = new Dictionary<string, SplitFacts>();

    /// <summary>Every published article's rendered body (with its search terms) by source path, for the search index and the next build's body cache.</summary>
    internal IReadOnlyDictionary<string, RenderedBody> Bodies { get; init; } = new Dictionary<string, RenderedBody>();

    /// <summary>How many article bodies were rendered from Markdown; the others came from the body cache.</summary>
    public int BodiesRendered { get; init; }

    /// <summary>Every article's front matter as read, for the next build's draft cache.</summary>
    internal IReadOnlyCollection<CachedDraft> Drafts { get; init; } = [];

    /// <summary>How many articles' front matter was parsed; the others came from the draft cache.</summary>
    public int DraftsParsed { get; init; }

    /// <summary>The related-article lists as positions in <see cref="Site.Articles"/>, with what they were computed from, for the next build's related cache.</summary>
    internal RelatedLists? Related { get; init; }

    /// <summary>Whether the related-article lists came from the related cache instead of being computed.</summary>
    public bool RelatedReused { get; init; }
}
