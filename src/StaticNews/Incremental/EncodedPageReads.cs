using System.Buffers;

namespace StaticNews.Incremental;

/// <summary>Pages' reads encoded for the build cache (<see cref="PageReadsTable.Encode"/>), in a pooled buffer given back when disposed.</summary>
internal sealed class EncodedPageReads(int pages, byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>How many pages' reads are encoded.</summary>
    public int Pages => pages;

    /// <summary>Writes the number of pages, then their reads.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(pages);
        writer.Write(_buffer ?? throw new ObjectDisposedException(nameof(EncodedPageReads)), 0, length);
    }

    public void Dispose()
    {
        if (_buffer is { } rented)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
