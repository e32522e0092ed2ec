using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace StaticNews.Incremental;

/// <summary>
/// A cache file of entries found by key: a header (what it is, its format version, a fingerprint of the settings its entries
/// depend on), the entries' payloads if they have any, the entries, a preamble all entries share, an index, where the entries
/// and the preamble start, and a checksum of everything but the payloads. Any mismatch or damage reads as an empty file, never
/// as wrong entries. Entries stay bytes until their owner decodes one, and saving copies the bytes of entries taken from the
/// previous file as they are.
/// <para>
/// A payload is the part of an entry few builds read (an article body's HTML and search terms): it carries a checksum of its
/// own, in the index, and is checked when first read (<see cref="CheckedPayload"/>). Loading a file thus reads its entries and
/// index, not its payloads: at 10,000 articles, 2 MB of the body cache's 88 MB, where checking the whole file touched each of
/// its 21,000 pages (2.5 microseconds apiece on a virtual machine) and left them all for the process's exit to unmap. A small
/// file is read whole anyway, and its payloads are checked when it is loaded.
/// </para>
/// </summary>
internal sealed class EntryFile
{
    /// <summary>The file is read whole: entries past this size are left out, and computed again by the next build.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>The trailer before the checksum: where the entries start, where the preamble starts, whether entries have payloads.</summary>
    private const int TrailerLength = sizeof(int) + sizeof(int) + sizeof(bool);

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly (int Offset, int Length) _preamble;
    private readonly Dictionary<string, Located> _entries;
    private readonly Dictionary<string, Located>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;
    private readonly string _path;

    private EntryFile(ReadOnlyMemory<byte> bytes, (int Offset, int Length) preamble, Dictionary<string, Located> entries, string identity, string path)
    {
        _bytes = bytes;
        _preamble = preamble;
        _entries = entries;
        _entriesBySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        Identity = identity;
        _path = path;
    }

    public static EntryFile Empty => new(ReadOnlyMemory<byte>.Empty, (0, 0), new Dictionary<string, Located>(StringComparer.Ordinal), string.Empty, string.Empty);

    public int Count => _entries.Count;

    /// <summary>The file's checksum as text: another file built on this one names it, so it is ignored once this one is replaced. Empty for no file.</summary>
    public string Identity { get; }

    public ReadOnlyMemory<byte> Preamble => _bytes.Slice(_preamble.Offset, _preamble.Length);

    /// <summary>
    /// Keeps the file <paramref name="entry"/> comes from mapped until disposed: held while a span of it is read, since a span
    /// alone does not keep a mapped file reachable (see <see cref="MappedFileMemory"/>).
    /// </summary>
    public static MemoryHandle Hold(ReadOnlyMemory<byte> entry) => entry.Pin();

    public bool TryGet(string key, out ReadOnlyMemory<byte> entry) => TryGet(key, out entry, out _);

    /// <summary>
    /// As <see cref="TryGet(string, out ReadOnlyMemory{byte}, out StoredPayload)"/> for a key as characters, with the file's own
    /// string for it in <paramref name="storedKey"/>: a caller that finds its key need not make one.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> key, [NotNullWhen(true)] out string? storedKey, out ReadOnlyMemory<byte> entry, out StoredPayload payload)
    {
        if (_entriesBySpan.TryGetValue(key, out storedKey, out var at))
        {
            entry = _bytes.Slice(at.Offset, at.Length);
            payload = PayloadAt(at);
            return true;
        }

        (storedKey, entry, payload) = (null, default, StoredPayload.None);
        return false;
    }

    /// <summary>The entry stored under <paramref name="key"/>, and its payload (<see cref="StoredPayload.None"/> for none).</summary>
    public bool TryGet(string key, out ReadOnlyMemory<byte> entry, out StoredPayload payload) => TryGet(key, out _, out entry, out payload);

    public static EntryFile Load(string path, string magic, int version, string context)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Empty;
            }

            // A file read whole (small, see MappedFileMemory.MapFromBytes) has its payloads checked as it is loaded.
            var memory = MappedFileMemory.MapOrRead(path);
            var mapped = MappedFileMemory.IsMapped(memory);
            var bytes = memory.Span;
            var end = bytes.Length - FileChecksum.Length - TrailerLength;
            if (end < 0)
            {
                return Empty;
            }

            var reader = new CacheReader(bytes[..end]);
            if (reader.ReadString() != magic || reader.ReadInt32() != version || reader.ReadString() != context)
            {
                return Empty;
            }

            var headerEnd = reader.Position;
            var trailer = new CacheReader(bytes[end..^FileChecksum.Length]);
            var (entriesStart, preambleStart, hasPayloads) = (trailer.ReadInt32(), trailer.ReadInt32(), trailer.ReadBoolean());
            if (entriesStart < headerEnd || preambleStart < entriesStart || preambleStart > end)
            {
                return Empty;
            }

            // The checksum covers the header and everything from the entries on: the pages of the payloads are not read.
            MappedFileMemory.Populate(memory[entriesStart..]);
            if (!FileChecksum.Matches(bytes[..headerEnd], bytes[entriesStart..^FileChecksum.Length], bytes[^FileChecksum.Length..]))
            {
                return Empty;
            }

            reader = new CacheReader(bytes[..end]);
            reader.Skip(preambleStart);
            var preambleLength = reader.ReadInt32();
            var preamble = (reader.Position, preambleLength);
            reader.Skip(preambleLength);
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, Located>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var (key, offset, length) = (reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
                var (payloadOffset, payloadLength, payloadChecksum) = hasPayloads ? (reader.ReadInt32(), reader.ReadInt32(), (ulong)reader.ReadInt64()) : (headerEnd, 0, StoredPayload.ChecksumOf([]));
                if (offset < entriesStart || length < 0 || (long)offset + length > preambleStart
                    || payloadOffset < headerEnd || payloadLength < 0 || (long)payloadOffset + payloadLength > entriesStart)
                {
                    return Empty;
                }

                entries[key] = new Located(offset, length, payloadOffset, payloadLength, payloadChecksum);
            }

            var file = new EntryFile(memory, preamble, entries, Convert.ToHexString(bytes[^FileChecksum.Length..]), path);
            return mapped || file.PayloadsAreIntact() ? file : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or OutOfMemoryException)
        {
            return Empty;
        }
    }

    private StoredPayload PayloadAt(Located at) => new(_bytes.Slice(at.PayloadOffset, at.PayloadLength), at.PayloadChecksum, _path);

    private bool PayloadsAreIntact() => _entries.Values.All(at => PayloadAt(at).IsIntact);

    /// <summary>As the other Save, for entries without payloads, each encoded by <paramref name="write"/>.</summary>
    public static void Save<T>(string path, string magic, int version, string context, IEnumerable<T> items, Func<T, string> keyOf, Action<BinaryWriter, T> write, Func<byte[]> preamble) =>
        Save(path, magic, version, context, items, keyOf, (writer, item) => write(writer.Entry, item), preamble, payloads: false);

    /// <summary>
    /// Writes the file through a temporary one, so a reader never sees half of it: each item's entry (and, with
    /// <paramref name="payloads"/>, its payload) as <paramref name="write"/> encodes it, one at a time, then the preamble
    /// (asked for last, so encoding entries may add to it), then the index. Entries go straight to the file when there are no
    /// payloads, else after them (kept in memory meanwhile: a few megabytes at 10,000 articles). Deletes the file instead when
    /// it would be too large.
    /// </summary>
    public static void Save<T>(string path, string magic, int version, string context, IEnumerable<T> items, Func<T, string> keyOf, Action<EntryWriter, T> write, Func<byte[]> preamble, bool payloads)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var index = new List<(string Key, Located At)>();
        // Written in large blocks, and checksummed on the way: an 87 MB body cache is not read back to be hashed.
        using (var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            var hashing = new HashingWriteStream(file);
            using var fileWriter = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true);
            fileWriter.Write(magic);
            fileWriter.Write(version);
            fileWriter.Write(context);
            var headerEnd = (int)hashing.Position;
            using var entries = payloads ? new MemoryStream() : null;
            using var payload = new MemoryStream();
            using var entryWriter = new BinaryWriter(entries ?? (Stream)hashing, Encoding.UTF8, leaveOpen: true);
            using var payloadWriter = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
            var writer = new EntryWriter(entryWriter, payloadWriter);
            hashing.LeavesOut = payloads;
            foreach (var item in items)
            {
                var start = entries?.Position ?? hashing.Position;
                payload.SetLength(0);
                writer.Reset();
                write(writer, item);
                var written = payload.GetBuffer().AsSpan(0, (int)payload.Length);
                if (!payloads && !written.IsEmpty)
                {
                    throw new InvalidOperationException("An entry of a file without payloads wrote a payload.");
                }

                var payloadAt = (int)hashing.Position;
                hashing.Write(written);
                var end = entries?.Position ?? hashing.Position;
                if (hashing.Position + (entries?.Length ?? 0) > MaxBytes)
                {
                    break;
                }

                index.Add((keyOf(item), new Located((int)start, (int)(end - start), payloadAt, written.Length, writer.CopiedChecksum ?? StoredPayload.ChecksumOf(written))));
            }

            hashing.LeavesOut = false;
            var entriesStart = (int)hashing.Position;
            if (entries is not null)
            {
                hashing.Write(entries.GetBuffer().AsSpan(0, (int)entries.Length));
            }

            var entriesOffset = entries is null ? 0 : entriesStart;
            var preambleStart = (int)hashing.Position;
            var bytes = preamble();
            fileWriter.Write(bytes.Length);
            fileWriter.Write(bytes);
            fileWriter.Write(index.Count);
            foreach (var (key, at) in index)
            {
                fileWriter.Write(key);
                fileWriter.Write(entriesOffset + at.Offset);
                fileWriter.Write(at.Length);
                if (payloads)
                {
                    fileWriter.Write(at.PayloadOffset);
                    fileWriter.Write(at.PayloadLength);
                    fileWriter.Write((long)at.PayloadChecksum);
                }
            }

            fileWriter.Write(payloads ? entriesStart : headerEnd);
            fileWriter.Write(preambleStart);
            fileWriter.Write(payloads);
            fileWriter.Flush();
            file.Write(hashing.Checksum);
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Where an entry is in the file, and its payload with the payload's checksum.</summary>
    private readonly record struct Located(int Offset, int Length, int PayloadOffset, int PayloadLength, ulong PayloadChecksum);
}
