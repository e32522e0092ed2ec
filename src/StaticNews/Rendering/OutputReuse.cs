using System.Collections.Concurrent;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// Which output files the previous build (or render) already produced from the same inputs, so the renderer only names them.
/// Pages and feeds have fingerprints known before rendering starts; the search index's files get theirs while the index is
/// written, and a page rendered again gets its fingerprint from the articles it read this time (<paramref name="pageFingerprintOf"/>):
/// those are kept here, with what each rendered page read, for the next build to compare with. A file counts as produced
/// from the same inputs when <paramref name="previousFingerprints"/> (the previous build's, or render's) holds the same
/// fingerprint for it and <paramref name="isStillThere"/> finds the file. Where <paramref name="isStillThere"/> presumes files
/// there until the output check has ended (<see cref="Output.PreviousOutput.Has"/>), <paramref name="settle"/> waits for it and
/// says whether every presumption held (<see cref="Settle"/>).
/// </summary>
internal sealed class OutputReuse(
    IReadOnlyDictionary<string, ContentHash> fingerprints,
    IReadOnlyDictionary<string, ContentHash>? previousFingerprints,
    Func<string, bool> isStillThere,
    Func<Page, PageReads, ContentHash> pageFingerprintOf,
    Func<bool>? settle = null)
{
    private readonly ConcurrentDictionary<string, ContentHash> _found = ConcurrentTables.Sized<string, ContentHash>(fingerprints.Count, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PageReads> _reads = ConcurrentTables.Sized<string, PageReads>(fingerprints.Count, StringComparer.Ordinal);

    /// <summary>Nothing to reuse; fingerprints found while rendering are still kept.</summary>
    public static OutputReuse None(IReadOnlyDictionary<string, ContentHash> fingerprints, Func<Page, PageReads, ContentHash> pageFingerprintOf) =>
        new(fingerprints, previousFingerprints: null, _ => false, pageFingerprintOf);

    /// <summary>The fingerprints of the files whose inputs were known only while rendering.</summary>
    public IReadOnlyDictionary<string, ContentHash> FoundWhileRendering => _found;

    /// <summary>For each page rendered, what it read of articles.</summary>
    public IReadOnlyDictionary<string, PageReads> ReadsWhileRendering => _reads;

    /// <summary>
    /// Waits until whether the previous files are still there is known, and says whether what was decided before held: false
    /// when a file this reuse may have called unchanged is gone, so that the caller decides again.
    /// </summary>
    public bool Settle() => settle?.Invoke() ?? true;

    /// <summary>Forgets the fingerprint found for <paramref name="path"/> (its file is about to be made again).</summary>
    public void Forget(string path) => _found.TryRemove(path, out _);

    /// <summary>Notes that <paramref name="page"/> was rendered and read <paramref name="reads"/>.</summary>
    public void Rendered(Page page, PageReads reads)
    {
        _reads[page.OutputPath] = reads;
        _found[page.OutputPath] = pageFingerprintOf(page, reads);
    }

    /// <summary>Whether the file at <paramref name="path"/>, fingerprinted before rendering, was produced from the same inputs.</summary>
    public bool IsUnchanged(string path) => fingerprints.TryGetValue(path, out var now) && WasProducedFrom(path, now);

    /// <summary>
    /// Whether the previous build produced <paramref name="path"/> and it is still there, for a caller that knows its inputs
    /// did not change without fingerprinting them: the previous fingerprint is then kept as this build's.
    /// </summary>
    public bool KeepsPrevious(string path)
    {
        if (previousFingerprints is null || !previousFingerprints.TryGetValue(path, out var previous) || !isStillThere(path))
        {
            return false;
        }

        _found[path] = previous;
        return true;
    }

    /// <summary>Keeps <paramref name="fingerprint"/> as the inputs of <paramref name="path"/> and says whether it was produced from the same.</summary>
    public bool IsUnchanged(string path, ContentHash fingerprint)
    {
        _found[path] = fingerprint;
        return WasProducedFrom(path, fingerprint);
    }

    private bool WasProducedFrom(string path, ContentHash fingerprint) =>
        previousFingerprints is not null && previousFingerprints.TryGetValue(path, out var previous) && previous == fingerprint && isStillThere(path);
}
