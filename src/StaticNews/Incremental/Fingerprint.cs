using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// Accumulates a 128-bit fingerprint (XXH128) over texts (as UTF-16) and bytes; each piece is length-prefixed so "ab"+"c"
/// differs from "a"+"bc". <see cref="Finish"/> ends it.
/// </summary>
/// <remarks>
/// Most fingerprints cover a few hundred bytes (a hundred thousand of them in a build): the pieces are gathered in a pooled
/// buffer and hashed in one call, with no hash state made per fingerprint; past the buffer's size they go on through a
/// streaming hash. Both give the same value: XXH128's streaming form is defined as the hash of the concatenated input.
/// </remarks>
internal sealed class Fingerprint
{
    private const int BufferSize = 4096;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    private XxHash128? _stream;

    public Fingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        Add(text.Length);
        Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public Fingerprint Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        Append(bytes);
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BitConverter.TryWriteBytes(buffer, value);
        Append(buffer);
        return this;
    }

    /// <summary>Adds a hash computed elsewhere (16 bytes, not length-prefixed).</summary>
    public Fingerprint AddHash(ContentHash value)
    {
        Span<byte> buffer = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value.High);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[8..], value.Low);
        Append(buffer);
        return this;
    }

    /// <summary>
    /// The fingerprint of everything added, as hexadecimal; the fingerprint takes nothing more after it. The hash goes through
    /// the stack, not an array of its own: 60,000 fingerprints are made in an edit at 10,000 articles.
    /// </summary>
    public string Finish()
    {
        Span<byte> hash = stackalloc byte[16];
        HashInto(hash);
        return Convert.ToHexString(hash);
    }

    /// <summary>How many characters <see cref="Finish()"/> gives.</summary>
    public const int HexLength = 32;

    /// <summary>
    /// As <see cref="Finish()"/>, into <paramref name="hex"/> (<see cref="HexLength"/> characters): a cache key looked up as
    /// characters, so a build that finds it in the cache makes no string for it (20,000 of them in an edit at 10,000 articles).
    /// </summary>
    public void FinishInto(Span<char> hex)
    {
        Span<byte> hash = stackalloc byte[16];
        HashInto(hash);
        if (!Convert.TryToHexString(hash, hex, out var written) || written != HexLength)
        {
            throw new ArgumentException($"A fingerprint takes {HexLength} characters.", nameof(hex));
        }
    }

    /// <summary>As <see cref="Finish()"/>, as a value: what a table of thousands of fingerprints keeps (a page's, an output file's).</summary>
    public ContentHash FinishHash()
    {
        Span<byte> hash = stackalloc byte[16];
        HashInto(hash);
        return ContentHash.FromBigEndian(hash);
    }

    private void HashInto(Span<byte> hash)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("The fingerprint is finished.");
        if (_stream is null)
        {
            XxHash128.Hash(buffer.AsSpan(0, _length), hash);
        }
        else
        {
            _stream.GetCurrentHash(hash);
        }

        _buffer = null;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("The fingerprint is finished.");
        if (_stream is null)
        {
            if (_length + bytes.Length <= buffer.Length)
            {
                bytes.CopyTo(buffer.AsSpan(_length));
                _length += bytes.Length;
                return;
            }

            _stream = new XxHash128();
            _stream.Append(buffer.AsSpan(0, _length));
        }

        _stream.Append(bytes);
    }

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return Convert.ToHexString(hash);
    }

    /// <summary>The fingerprint of a text's UTF-16 code units, without encoding it first.</summary>
    public static string OfText(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));
}
