using StaticNews.Discovery;

namespace StaticNews.Output;

/// <summary>What the write stage did: files whose bytes it wrote, files it kept from the previous output, and every file's hash.</summary>
public sealed record WriteResult(int FilesWritten, long BytesWritten)
{
    public int FilesKept { get; init; }

    public IReadOnlyDictionary<string, ContentHash> FileHashes { get; init; } = new Dictionary<string, ContentHash>();
}
