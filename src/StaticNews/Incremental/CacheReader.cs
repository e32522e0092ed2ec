using System.Buffers.Binary;
using System.Text;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// Reads what <see cref="BinaryWriter"/> wrote (7-bit encoded lengths, UTF-8 strings, little-endian integers) straight from a
/// span: decoding a cached body allocates only the values it returns. Out-of-range data throws <see cref="FormatException"/>.
/// </summary>
internal ref struct CacheReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public void Skip(int length) => Take(length);

    public int Read7BitEncodedInt()
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var next = ReadByte();
            result |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("A 7-bit encoded number is too long.");
    }

    public string ReadString()
    {
        var length = Read7BitEncodedInt();
        return Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>The UTF-8 bytes of the next string, not decoded.</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(Read7BitEncodedInt());

    /// <summary>As <see cref="ReadString()"/>, but <paramref name="likely"/> itself when the stored text is the same (ASCII): no new string.</summary>
    public string ReadString(string likely)
    {
        var bytes = Take(Read7BitEncodedInt());
        return bytes.Length == likely.Length && Ascii.Equals(bytes, likely) ? likely : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Whether the next string is <paramref name="text"/>, compared as ordinal text without making a string (ASCII byte by byte).</summary>
    public bool ReadStringEquals(string text)
    {
        var bytes = Take(Read7BitEncodedInt());
        if (bytes.Length == text.Length && Ascii.Equals(bytes, text))
        {
            return true;
        }

        // Not both ASCII and the same: decoded, as a string read here would be, and compared as one. A text of n UTF-8 bytes
        // has at most n chars.
        const int MaxStackChars = 256;
        var buffer = bytes.Length <= MaxStackChars ? stackalloc char[MaxStackChars] : new char[bytes.Length];
        return buffer[..Encoding.UTF8.GetChars(bytes, buffer)].SequenceEqual(text);
    }

    /// <summary>As <see cref="ReadString()"/>, through <paramref name="pool"/>: the string made for the same text before, if any.</summary>
    public string ReadString(StringPool pool) => pool.Get(Take(Read7BitEncodedInt()));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>A hash written as its two halves (<c>writer.Write(hash.High); writer.Write(hash.Low);</c>).</summary>
    public ContentHash ReadContentHash() => new((ulong)ReadInt64(), (ulong)ReadInt64());

    public bool ReadBoolean() => ReadByte() != 0;

    public byte ReadByte() => Take(1)[0];

    public byte[] ReadBytes(int length) => Take(length).ToArray();

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _data.Length - _position)
        {
            throw new FormatException("The cached entry ends early.");
        }

        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }
}
