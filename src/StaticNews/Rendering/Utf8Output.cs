using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace StaticNews.Rendering;

/// <summary>
/// Where a page's template writes: straight into UTF-8 bytes, in a buffer kept from page to page, so a page never exists as a
/// string (twice its size) on its way to disk. Trusted HTML already held as UTF-8 (article bodies) is copied in as it is.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    // Stateful, so a surrogate pair split between two writes is encoded as one character, as it would be in a string.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        var written = _encoder.GetBytes(chars, _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length + 1)), flush: false);
        _buffer.Advance(written);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Flush();
        utf8.CopyTo(_buffer.GetSpan(utf8.Length));
        _buffer.Advance(utf8.Length);
    }

    /// <summary>How many bytes have been written so far, a character left waiting for its pair included.</summary>
    public int Mark()
    {
        Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The bytes written since <paramref name="mark"/> (see <see cref="Mark"/>), as an array of their own.</summary>
    public byte[] CopySince(int mark)
    {
        Flush();
        return _buffer.WrittenSpan[mark..].ToArray();
    }

    /// <summary>
    /// The bytes written so far, without copying them: valid until the output is written to or cleared again (see
    /// <see cref="Clear"/>).
    /// </summary>
    public ReadOnlyMemory<byte> WrittenMemory()
    {
        Flush();
        return _buffer.WrittenMemory;
    }

    /// <summary>Empties the output, keeping its buffer.</summary>
    public void Clear()
    {
        _encoder.Reset();
        _buffer.ResetWrittenCount();
    }

    /// <summary>Nothing: Scriban's <c>Template.Render</c> returns this, and the text is read as bytes (<see cref="WrittenMemory"/>) instead.</summary>
    public override string ToString() => string.Empty;

    /// <summary>A high surrogate left waiting for its pair is written out (as U+FFFD, as encoding it in a string would).</summary>
    private void Flush()
    {
        var written = _encoder.GetBytes([], _buffer.GetSpan(4), flush: true);
        _buffer.Advance(written);
    }
}
