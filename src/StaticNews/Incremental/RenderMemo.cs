using StaticNews.Discovery;
using StaticNews.Rendering;

namespace StaticNews.Incremental;

/// <summary>
/// What an in-memory render (the preview server's) remembers for the next one: each page's fingerprint, what it read of
/// articles, and its rendered file.
/// Passed back to <see cref="SiteGenerator.RenderAsync(BuildOptions, RenderMemo?, CancellationToken)"/>, it lets a rebuild
/// render only the pages whose inputs changed.
/// </summary>
public sealed class RenderMemo
{
    internal RenderMemo(IReadOnlyDictionary<string, ContentHash> pageFingerprints, PageReadsTable reads, IReadOnlyDictionary<string, OutputFile> pages)
    {
        PageFingerprints = pageFingerprints;
        Reads = reads;
        Pages = pages;
    }

    internal IReadOnlyDictionary<string, ContentHash> PageFingerprints { get; }

    internal PageReadsTable Reads { get; }

    internal IReadOnlyDictionary<string, OutputFile> Pages { get; }
}
