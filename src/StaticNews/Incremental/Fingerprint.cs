using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>Accumulates a 128-bit fingerprint (XXH128) over texts (as UTF-16) and bytes; each piece is length-prefixed so "ab"+"c" differs from "a"+"bc".</summary>
internal sealed class Fingerprint
{
    private readonly XxHash128 _hash = new();

    public Fingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        Add(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public Fingerprint Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BitConverter.TryWriteBytes(buffer, value);
        _hash.Append(buffer);
        return this;
    }

    /// <summary>Adds a hash computed elsewhere (16 bytes, not length-prefixed).</summary>
    public Fingerprint AddHash(ContentHash value)
    {
        Span<byte> buffer = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value.High);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[8..], value.Low);
        _hash.Append(buffer);
        return this;
    }

    public string Finish() => Convert.ToHexString(_hash.GetCurrentHash());

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(XxHash128.Hash(bytes));

    /// <summary>The fingerprint of a text's UTF-16 code units, without encoding it first.</summary>
    public static string OfText(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));
}
