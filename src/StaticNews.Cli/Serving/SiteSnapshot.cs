using StaticNews.Diagnostics;

namespace StaticNews.Cli.Serving;

/// <summary>
/// One immutable state of the preview: the files of the last good build and, while a rebuild fails, its errors.
/// Replaced as a whole, so a request sees one build or the next, never half of each.
/// </summary>
internal sealed record SiteSnapshot(long Version, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files, IReadOnlyList<Diagnostic> Errors)
{
    public static SiteSnapshot Empty { get; } = new(0, new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal), []);

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Which of <see cref="Files"/> are copies of files under static/ (replaceable without a rebuild).</summary>
    public IReadOnlySet<string> StaticFiles { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
