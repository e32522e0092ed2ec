using StaticNews.Incremental;

namespace StaticNews.Building;

/// <summary>An article's front matter as read into a draft, with the diagnostics reading it gave: what the draft cache keeps.</summary>
internal sealed record CachedDraft(string Key, ArticleDraft Draft, IReadOnlyList<CachedDiagnostic> Diagnostics)
{
    /// <summary>Set when the draft came from the cache: its bytes there, to be copied as they are into the next cache.</summary>
    public StoredEntry? Stored { get; init; }
}
