using System.Collections.Concurrent;

namespace StaticNews.Rendering;

/// <summary>
/// Which output files the previous build (or render) already produced from the same inputs, so the renderer only names them.
/// Pages and feeds have fingerprints known before rendering starts; the search index's files get theirs while the index is
/// written, and those are kept here for the next build to compare with.
/// </summary>
internal sealed class OutputReuse(IReadOnlyDictionary<string, string> fingerprints, Func<string, string, bool> wasProducedFrom)
{
    private readonly ConcurrentDictionary<string, string> _found = new(StringComparer.Ordinal);

    /// <summary>Nothing to reuse; fingerprints found while rendering are still kept.</summary>
    public static OutputReuse None(IReadOnlyDictionary<string, string> fingerprints) => new(fingerprints, (_, _) => false);

    /// <summary>The fingerprints of the files whose inputs were known only while rendering.</summary>
    public IReadOnlyDictionary<string, string> FoundWhileRendering => _found;

    /// <summary>Whether the file at <paramref name="path"/>, fingerprinted before rendering, was produced from the same inputs.</summary>
    public bool IsUnchanged(string path) => fingerprints.TryGetValue(path, out var now) && wasProducedFrom(path, now);

    /// <summary>Keeps <paramref name="fingerprint"/> as the inputs of <paramref name="path"/> and says whether it was produced from the same.</summary>
    public bool IsUnchanged(string path, string fingerprint)
    {
        _found[path] = fingerprint;
        return wasProducedFrom(path, fingerprint);
    }
}
