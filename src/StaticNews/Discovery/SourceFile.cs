namespace StaticNews.Discovery;

/// <summary>
/// A file read from the site folder: its path relative to the site (with '/' separators) and its bytes. An article whose
/// size and time stamp are those the last build saw is not read up front: what that build found in it
/// (<see cref="Unchanged"/>) stands in for its bytes, which are read only if something asks for them.
/// </summary>
public sealed class SourceFile
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>
    /// The site folder a file not read up front is read from when asked; null for a file read up front. A folder and a field
    /// rather than a lazy read of its own: an edit at 10,000 articles made 10,000 of those (1.6 MiB).
    /// </summary>
    private readonly string? _unreadFrom;
    private volatile byte[]? _read;

    public SourceFile(string path, ReadOnlyMemory<byte> bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    /// <summary>A file taken as unchanged since the last build, read from the site folder <paramref name="siteRoot"/> only if something asks for its bytes.</summary>
    internal SourceFile(string path, UnchangedSource unchanged, string siteRoot)
    {
        Path = path;
        Unchanged = unchanged;
        _unreadFrom = siteRoot;
    }

    public string Path { get; }

    /// <summary>
    /// The file's bytes; for a file not read up front, read now, and kept (threads asking at once may each read it, and all get
    /// the same bytes). Throws when the file is no longer what the last build saw in it.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => _unreadFrom is null ? _bytes : _read ?? ReadUnchanged(_unreadFrom);

    /// <summary>Whether the bytes were read: always, except for a file taken as unchanged that nothing asked the bytes of.</summary>
    internal bool WasRead => _unreadFrom is null || _read is not null;

    /// <summary>What the last build found in this file, when its stamp says it has not changed since; null for a file read up front.</summary>
    internal UnchangedSource? Unchanged { get; }

    /// <summary>Reads a file taken as unchanged since the last build, failing if it changed after all (while this build ran).</summary>
    private byte[] ReadUnchanged(string siteRoot)
    {
        var bytes = File.ReadAllBytes(System.IO.Path.Combine(siteRoot, Path));
        if (ContentHash.Of(bytes) != Unchanged!.ContentHash)
        {
            throw new IOException($"{Path} changed while the site was being built: build again.");
        }

        return Interlocked.CompareExchange(ref _read, bytes, null) ?? bytes;
    }
}
