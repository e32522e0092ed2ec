using System.Buffers;
using System.IO.Hashing;
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
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly ulong _checksum;
    private readonly string _path;
    private volatile bool _checked;

    private CheckedPayload(ReadOnlyMemory<byte> bytes, ulong checksum, string path)
    {
        _bytes = bytes;
        _checksum = checksum;
        _path = path;
    }

    /// <summary>The checksum a payload is stored with.</summary>
    public static ulong ChecksumOf(ReadOnlySpan<byte> bytes) => XxHash3.HashToUInt64(bytes);

    /// <summary><paramref name="bytes"/>, stored with <paramref name="checksum"/> in the file at <paramref name="path"/>, checked on first read.</summary>
    public static ReadOnlyMemory<byte> Of(ReadOnlyMemory<byte> bytes, ulong checksum, string path) =>
        bytes.IsEmpty && checksum == ChecksumOf([]) ? ReadOnlyMemory<byte>.Empty
        // Not Memory, which asks GetSpan for the length (and so would check the payload at once).
        : new CheckedPayload(bytes, checksum, path).CreateMemory(bytes.Length);

    public override Span<byte> GetSpan()
    {
        if (!_checked)
        {
            Check();
        }

        return MemoryMarshal.AsMemory(_bytes).Span;
    }

    private void Check()
    {
        using var held = _bytes.Pin();
        if (ChecksumOf(_bytes.Span) != _checksum)
        {
            throw new DamagedCacheException(_path);
        }

        _checked = true;
    }

    public override MemoryHandle Pin(int elementIndex = 0) => MemoryMarshal.AsMemory(_bytes)[elementIndex..].Pin();

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
