using System.IO.Hashing;

namespace StaticNews.Incremental;

/// <summary>An entry's payload as its cache file holds it (<see cref="EntryFile"/>): its bytes, unchecked, and the checksum stored with them.</summary>
internal readonly record struct StoredPayload(ReadOnlyMemory<byte> Bytes, ulong Checksum, string Path)
{
    public static StoredPayload None => new(ReadOnlyMemory<byte>.Empty, ChecksumOf([]), string.Empty);

    /// <summary>The checksum a payload is stored with.</summary>
    public static ulong ChecksumOf(ReadOnlySpan<byte> bytes) => XxHash3.HashToUInt64(bytes);

    /// <summary>The payload's bytes, checked against <see cref="Checksum"/> when first read (<see cref="CheckedPayload"/>).</summary>
    public ReadOnlyMemory<byte> Checked => CheckedPayload.Of(this);

    /// <summary>Whether the bytes match the checksum (reads them all).</summary>
    public bool IsIntact
    {
        get
        {
            using var held = Bytes.Pin();
            return ChecksumOf(Bytes.Span) == Checksum;
        }
    }
}
