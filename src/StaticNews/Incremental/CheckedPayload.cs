using System.Buffers;
using System.Runtime.InteropServices;

namespace StaticNews.Incremental;

/// <summary>
/// An entry's payload in a cache file (see <see cref="EntryFile"/>), checked against its checksum when it is first read rather
/// than when the file is loaded: a build reads the payloads of the few bodies it shows again, and the pages of the others
/// (80 MB at 10,000 articles) are never touched. A payload that does not match throws <see cref="DamagedCacheException"/>.
/// Pinning it pins the file's memory (which keeps a mapped file mapped) without checking it.
/// </summary>
internal sealed class CheckedPayload : MemoryManager<byte>
{
    private readonly StoredPayload _stored;
    private volatile bool _checked;

    private CheckedPayload(StoredPayload stored)
    {
        _stored = stored;
    }

    /// <summary>The bytes of <paramref name="stored"/>, checked against its checksum on first read.</summary>
    public static ReadOnlyMemory<byte> Of(StoredPayload stored) =>
        stored.Bytes.IsEmpty && stored.Checksum == StoredPayload.ChecksumOf([]) ? ReadOnlyMemory<byte>.Empty
        // Not Memory, which asks GetSpan for the length (and so would check the payload at once).
        : new CheckedPayload(stored).CreateMemory(stored.Bytes.Length);

    public override Span<byte> GetSpan()
    {
        if (!_checked)
        {
            Check();
        }

        return MemoryMarshal.AsMemory(_stored.Bytes).Span;
    }

    private void Check()
    {
        if (!_stored.IsIntact)
        {
            throw new DamagedCacheException(_stored.Path);
        }

        _checked = true;
    }

    public override MemoryHandle Pin(int elementIndex = 0) => MemoryMarshal.AsMemory(_stored.Bytes)[elementIndex..].Pin();

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
