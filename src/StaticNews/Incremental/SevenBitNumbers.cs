namespace StaticNews.Incremental;

/// <summary>
/// Numbers written into a buffer as <see cref="BinaryWriter.Write7BitEncodedInt(int)"/> writes them: seven bits a byte, low
/// bits first, the high bit set on every byte but the last; a negative number takes five bytes.
/// </summary>
internal ref struct SevenBitNumbers(Span<byte> buffer)
{
    /// <summary>The most bytes one number takes.</summary>
    public const int MaxBytes = 5;

    private readonly Span<byte> _buffer = buffer;

    /// <summary>The bytes written so far.</summary>
    public int Length { get; private set; }

    public void Add(int value)
    {
        var remaining = (uint)value;
        while (remaining > 0x7Fu)
        {
            _buffer[Length++] = (byte)(remaining | ~0x7Fu);
            remaining >>= 7;
        }

        _buffer[Length++] = (byte)remaining;
    }
}
