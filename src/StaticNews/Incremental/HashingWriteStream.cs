using System.IO.Hashing;

namespace StaticNews.Incremental;

/// <summary>
/// A write-only stream that passes everything to <paramref name="inner"/> and hashes it on the way (XXH128), so a cache file's
/// checksum is known when its last byte is written instead of by reading the whole file back. Its position is the number of
/// bytes written, buffered or not. Small writes (a BinaryWriter writes a 7-bit encoded number a byte at a time) gather in a
/// buffer of its own, so hashing and the inner stream see large blocks.
/// </summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private const int BlockSize = 64 * 1024;

    private readonly XxHash128 _hash = new();
    private readonly byte[] _block = new byte[BlockSize];
    private int _blockLength;
    private long _written;
    private bool _leavesOut;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>The checksum of everything written so far but what was left out (the buffered bytes are passed on first).</summary>
    public byte[] Checksum
    {
        get
        {
            Flush();
            return _hash.GetCurrentHash();
        }
    }

    /// <summary>
    /// Whether what is written from now on is left out of the checksum (a cache file's payloads, which carry checksums of
    /// their own); what was written before stays in it.
    /// </summary>
    public bool LeavesOut
    {
        get => _leavesOut;
        set
        {
            Flush();
            _leavesOut = value;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > BlockSize - _blockLength)
        {
            Flush();
            if (buffer.Length >= BlockSize)
            {
                PassOn(buffer);
                _written += buffer.Length;
                return;
            }
        }

        buffer.CopyTo(_block.AsSpan(_blockLength));
        _blockLength += buffer.Length;
        _written += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value)
    {
        if (_blockLength == BlockSize)
        {
            Flush();
        }

        _block[_blockLength++] = value;
        _written++;
    }

    /// <summary>Passes the buffered bytes on to the hash and the inner stream; the inner stream is flushed when it is closed.</summary>
    public override void Flush()
    {
        PassOn(_block.AsSpan(0, _blockLength));
        _blockLength = 0;
    }

    private void PassOn(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            if (!_leavesOut)
            {
                _hash.Append(bytes);
            }

            inner.Write(bytes);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
