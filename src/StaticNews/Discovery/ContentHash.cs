using System.Buffers.Binary;
using System.IO.Hashing;

namespace StaticNews.Discovery;

/// <summary>
/// A 128-bit hash (XXH128): of a file's bytes, or of a fingerprint's pieces (<see cref="Incremental.Fingerprint.FinishHash"/>),
/// as two halves: ahead-of-time compilation leaves code that handles <see cref="UInt128"/> to the JIT, and this is on the
/// path of every build. Kept as a value, not as hexadecimal text: a build cache holds one per output file and page.
/// </summary>
public readonly record struct ContentHash(ulong High, ulong Low)
{
    public static ContentHash Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return FromBigEndian(hash);
    }

    /// <summary>The hash whose 16 bytes XXH128 wrote, big-endian (as <see cref="XxHash128.Hash(ReadOnlySpan{byte}, long)"/> gives them).</summary>
    public static ContentHash FromBigEndian(ReadOnlySpan<byte> hash) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
}
