using StaticNews.Incremental;

namespace StaticNews.Building;

/// <summary>
/// An article's front matter as read into a draft, with the diagnostics reading it gave: what the draft cache keeps. A draft
/// taken from the cache is kept as its bytes there (<see cref="Stored"/>), copied as they are into the next cache, with no
/// <see cref="Draft"/>: keeping a copy of each for the next save was 2.6 MiB of a one-article edit at 10,000 articles.
/// </summary>
internal sealed record CachedDraft(string Key, ArticleDraft? Draft, IReadOnlyList<CachedDiagnostic> Diagnostics)
{
    /// <summary>Set when the draft came from the cache: its bytes there, to be copied as they are into the next cache.</summary>
    public StoredEntry? Stored { get; init; }
}
