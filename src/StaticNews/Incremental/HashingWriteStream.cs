using System.IO.Hashing;

namespace StaticNews.Incremental;

/// <summary>
/// A write-only stream that passes everything to <paramref name="inner"/> and hashes it on the way (XXH128), so a cache file's
/// checksum is known when its last byte is written instead of by reading the whole file back. Its position is the number of
/// bytes written, buffered or not.
/// </summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly XxHash128 _hash = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>The checksum of everything written so far.</summary>
    public byte[] Checksum => _hash.GetCurrentHash();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Nothing to do: the inner stream is flushed when it is closed.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
