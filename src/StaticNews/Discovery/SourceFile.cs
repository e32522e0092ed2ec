namespace StaticNews.Discovery;

/// <summary>
/// A file read from the site folder: its path relative to the site (with '/' separators) and its bytes. An article whose
/// size and time stamp are those the last build saw is not read up front: what that build found in it
/// (<see cref="Unchanged"/>) stands in for its bytes, which are read only if something asks for them.
/// </summary>
public sealed class SourceFile
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly Lazy<ReadOnlyMemory<byte>>? _unread;

    public SourceFile(string path, ReadOnlyMemory<byte> bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    internal SourceFile(string path, UnchangedSource unchanged, Func<ReadOnlyMemory<byte>> read)
    {
        Path = path;
        Unchanged = unchanged;
        _unread = new Lazy<ReadOnlyMemory<byte>>(read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    /// <summary>The file's bytes; for a file not read up front, read now (once).</summary>
    public ReadOnlyMemory<byte> Bytes => _unread is null ? _bytes : _unread.Value;

    /// <summary>Whether the bytes were read: always, except for a file taken as unchanged that nothing asked the bytes of.</summary>
    internal bool WasRead => _unread is null || _unread.IsValueCreated;

    /// <summary>What the last build found in this file, when its stamp says it has not changed since; null for a file read up front.</summary>
    internal UnchangedSource? Unchanged { get; }
}
