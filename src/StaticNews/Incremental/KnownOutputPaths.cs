using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// The output paths of the last build, as the build cache decoded them, looked up by their text: an incremental build names
/// each file it meets again (in the output's marker, as a page's or a feed's path) with the cache's string rather than a new
/// one. Each path was otherwise made three times and more, the same 3,500 strings at 1,000 articles (about 0.7 MB of an
/// edit's allocations), and equal paths that are one string compare at once. Safe to share between threads: the cache's
/// table is only read.
/// </summary>
internal sealed class KnownOutputPaths
{
    private readonly Dictionary<string, ContentHash>.AlternateLookup<ReadOnlySpan<char>>? _lookup;

    private KnownOutputPaths(Dictionary<string, ContentHash>.AlternateLookup<ReadOnlySpan<char>>? lookup)
    {
        _lookup = lookup;
    }

    /// <summary>No known paths: every path is made anew, as in a first build.</summary>
    public static KnownOutputPaths None { get; } = new(lookup: null);

    /// <summary>The paths of <paramref name="fileHashes"/>, a build cache's hash of every output file by path.</summary>
    public static KnownOutputPaths Of(IReadOnlyDictionary<string, ContentHash> fileHashes) =>
        fileHashes is Dictionary<string, ContentHash> table && table.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? new KnownOutputPaths(lookup)
            : None;

    /// <summary>How many paths are known.</summary>
    public int Count => _lookup?.Dictionary.Count ?? 0;

    /// <summary>The string for <paramref name="path"/>: the known one when the last build wrote a file there, else a new one.</summary>
    public string Get(ReadOnlySpan<char> path) =>
        _lookup is { } lookup && lookup.TryGetValue(path, out var known, out _) ? known : new string(path);
}
