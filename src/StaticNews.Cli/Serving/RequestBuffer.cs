namespace StaticNews.Cli.Serving;

/// <summary>The bytes a connection has read and not yet used: a request head, and whatever followed it in the same read.</summary>
internal sealed class RequestBuffer
{
    private readonly byte[] _bytes = new byte[PreviewRequest.MaxHeadBytes];
    private int _length;

    public ReadOnlyMemory<byte> Filled => _bytes.AsMemory(0, _length);

    public bool IsFull => _length == _bytes.Length;

    /// <summary>Reads what <paramref name="stream"/> has after the bytes held; 0 when the connection closed.</summary>
    public async Task<int> FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_bytes.AsMemory(_length), cancellationToken).ConfigureAwait(false);
        _length += read;
        return read;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes, used.</summary>
    public void Consume(int count)
    {
        _bytes.AsSpan(count, _length - count).CopyTo(_bytes);
        _length -= count;
    }
}
