using System.Buffers;
using System.Text;

namespace StaticNews.Incremental;

/// <summary>
/// A cache file of entries found by key: a header (what it is, its format version, a fingerprint of the settings its entries
/// depend on), the entries, a preamble all entries share, an index, where the preamble starts, and a checksum of everything
/// before it. Any mismatch or
/// damage reads as an empty file, never as wrong entries. Entries stay bytes until their owner decodes one, and saving copies
/// the bytes of entries taken from the previous file as they are.
/// </summary>
internal sealed class EntryFile
{
    /// <summary>The file is read whole: entries past this size are left out, and computed again by the next build.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>
    /// Files from this size on are mapped into memory (where supported) rather than read: read, a file lands in a new array,
    /// memory the kernel must fault in and clear before the copy (1.2 of the 28 MiB an edit at 1,000 articles allocated went
    /// to the front matter and build caches, 0.8 and 0.5 MB). Mapped, its pages come from the file cache as they are read.
    /// </summary>
    private const long MapFromBytes = 1L << 16;

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly (int Offset, int Length) _preamble;
    private readonly Dictionary<string, (int Offset, int Length)> _entries;

    private EntryFile(ReadOnlyMemory<byte> bytes, (int Offset, int Length) preamble, Dictionary<string, (int Offset, int Length)> entries, string identity)
    {
        _bytes = bytes;
        _preamble = preamble;
        _entries = entries;
        Identity = identity;
    }

    public static EntryFile Empty => new(ReadOnlyMemory<byte>.Empty, (0, 0), new Dictionary<string, (int, int)>(StringComparer.Ordinal), string.Empty);

    public int Count => _entries.Count;

    /// <summary>The file's checksum as text: another file built on this one names it, so it is ignored once this one is replaced. Empty for no file.</summary>
    public string Identity { get; }

    public ReadOnlyMemory<byte> Preamble => _bytes.Slice(_preamble.Offset, _preamble.Length);

    /// <summary>
    /// Keeps the file <paramref name="entry"/> comes from mapped until disposed: held while a span of it is read, since a span
    /// alone does not keep a mapped file reachable (see <see cref="MappedFileMemory"/>).
    /// </summary>
    public static MemoryHandle Hold(ReadOnlyMemory<byte> entry) => entry.Pin();

    public bool TryGet(string key, out ReadOnlyMemory<byte> entry)
    {
        if (_entries.TryGetValue(key, out var at))
        {
            entry = _bytes.Slice(at.Offset, at.Length);
            return true;
        }

        entry = default;
        return false;
    }

    public static EntryFile Load(string path, string magic, int version, string context)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Empty;
            }

            var memory = MappedFileMemory.IsSupported && new FileInfo(path).Length >= MapFromBytes ? MappedFileMemory.Map(path) : File.ReadAllBytes(path);
            var bytes = memory.Span;
            var end = FileChecksum.ContentLengthOf(bytes);
            if (end < 0)
            {
                return Empty;
            }

            var reader = new CacheReader(bytes[..end]);
            if (reader.ReadString() != magic || reader.ReadInt32() != version || reader.ReadString() != context)
            {
                return Empty;
            }

            var blobs = reader.Position;
            var tail = new CacheReader(bytes[..end]);
            tail.Skip(end - sizeof(int));
            var preambleStart = tail.ReadInt32();
            if (preambleStart < blobs || preambleStart > end)
            {
                return Empty;
            }

            reader = new CacheReader(bytes[..(end - sizeof(int))]);
            reader.Skip(preambleStart);
            var preambleLength = reader.ReadInt32();
            var preamble = (reader.Position, preambleLength);
            reader.Skip(preambleLength);
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, (int Offset, int Length)>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var (key, offset, length) = (reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
                if (offset < blobs || length < 0 || (long)offset + length > preambleStart)
                {
                    return Empty;
                }

                entries[key] = (offset, length);
            }

            return new EntryFile(memory, preamble, entries, Convert.ToHexString(bytes[end..]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or OutOfMemoryException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// Writes the file through a temporary one, so a reader never sees half of it: each item's entry as
    /// <paramref name="write"/> encodes it (one at a time, straight to the file), then the preamble (asked for last, so
    /// encoding entries may add to it), then the index. Deletes the file instead when it would be too large.
    /// </summary>
    public static void Save<T>(string path, string magic, int version, string context, IEnumerable<T> items, Func<T, string> keyOf, Action<BinaryWriter, T> write, Func<byte[]> preamble)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var index = new List<(string Key, int Offset, int Length)>();
        // Written in large blocks, and checksummed on the way: an 87 MB body cache is not read back to be hashed.
        using (var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            var hashing = new HashingWriteStream(file);
            using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(magic);
                writer.Write(version);
                writer.Write(context);
                foreach (var item in items)
                {
                    var start = hashing.Position;
                    write(writer, item);
                    if (hashing.Position > MaxBytes)
                    {
                        break;
                    }

                    index.Add((keyOf(item), (int)start, (int)(hashing.Position - start)));
                }

                var preambleStart = (int)hashing.Position;
                var bytes = preamble();
                writer.Write(bytes.Length);
                writer.Write(bytes);
                writer.Write(index.Count);
                foreach (var (key, offset, length) in index)
                {
                    writer.Write(key);
                    writer.Write(offset);
                    writer.Write(length);
                }

                writer.Write(preambleStart);
            }

            file.Write(hashing.Checksum);
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }
}
