using System.Buffers;
using System.Text.Json;

namespace StaticNews.Search;

/// <summary>
/// Writes a search shard in <see cref="SearchIndexWriter"/>'s format from pieces: entries copied as another shard holds
/// them, and tokens given their postings one by one.
/// </summary>
internal sealed class ShardBuilder
{
    private readonly ArrayBufferWriter<byte> _bytes;
    private int _entries;
    private int _postings;

    public ShardBuilder(int capacity)
    {
        _bytes = new ArrayBufferWriter<byte>(capacity);
        _bytes.Write("{"u8);
    }

    /// <summary>A token's name as the writer writes it: a JSON string, quotes included, escaped by the search files' encoder.</summary>
    public static byte[] NameOf(string token)
    {
        var encoded = JsonEncodedText.Encode(token, SearchIndexWriter.Encoder).EncodedUtf8Bytes;
        var name = new byte[encoded.Length + 2];
        name[0] = (byte)'"';
        encoded.CopyTo(name.AsSpan(1));
        name[^1] = (byte)'"';
        return name;
    }

    /// <summary>Adds entries as written (<c>"token":[…]</c>, commas between them), if any.</summary>
    public void AddEntries(ReadOnlySpan<byte> entries)
    {
        if (!entries.IsEmpty)
        {
            StartEntry();
            _bytes.Write(entries);
        }
    }

    /// <summary>Starts a token's entry: its <paramref name="name"/> is a JSON string, quotes included. Its postings follow.</summary>
    public void StartToken(ReadOnlySpan<byte> name)
    {
        StartEntry();
        _bytes.Write(name);
        _bytes.Write(":["u8);
        _postings = 0;
    }

    /// <summary>Adds one posting, a JSON array as <see cref="SearchIndexWriter.FormatPosting"/> formats it.</summary>
    public void AddPosting(ReadOnlySpan<byte> posting)
    {
        if (_postings++ > 0)
        {
            _bytes.Write(","u8);
        }

        _bytes.Write(posting);
    }

    public void EndToken() => _bytes.Write("]"u8);

    /// <summary>The shard, or null when it holds no entry (the writer writes no empty shard). Not copied: the builder is done.</summary>
    public ReadOnlyMemory<byte>? Finish()
    {
        if (_entries == 0)
        {
            return null;
        }

        _bytes.Write("}"u8);
        return _bytes.WrittenMemory;
    }

    private void StartEntry()
    {
        if (_entries++ > 0)
        {
            _bytes.Write(","u8);
        }
    }
}
