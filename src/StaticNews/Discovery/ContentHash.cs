using System.Buffers.Binary;
using System.IO.Hashing;

namespace StaticNews.Discovery;

/// <summary>
/// The 128-bit hash (XXH128) of a file's bytes, as two halves: ahead-of-time compilation leaves code that handles
/// <see cref="UInt128"/> to the JIT, and this is on the path of every build.
/// </summary>
internal readonly record struct ContentHash(ulong High, ulong Low)
{
    public static ContentHash Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return new ContentHash(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }
}
