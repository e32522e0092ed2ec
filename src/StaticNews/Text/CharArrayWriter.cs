using System.Globalization;
using System.Text;

namespace StaticNews.Text;

/// <summary>
/// A text writer into one growing character array that <see cref="Clear"/> keeps, so text written over and over (a body's
/// HTML, body after body) is neither grown chunk by chunk each time nor copied into a string to be read.
/// </summary>
internal sealed class CharArrayWriter() : TextWriter(CultureInfo.InvariantCulture)
{
    private char[] _chars = new char[16 * 1024];
    private int _length;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The text written since the last <see cref="Clear"/>; valid until the next write.</summary>
    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public override void Write(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_chars.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <summary>Puts <paramref name="text"/> at <paramref name="index"/> of what was written, moving the rest after it.</summary>
    public void Insert(int index, ReadOnlySpan<char> text)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_length, nameof(index));
        if (_chars.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        _chars.AsSpan(index, _length - index).CopyTo(_chars.AsSpan(index + text.Length));
        text.CopyTo(_chars.AsSpan(index));
        _length += text.Length;
    }

    public override string ToString() => new(Written);

    private void Grow(int needed) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + needed));
}
