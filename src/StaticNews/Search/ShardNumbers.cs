using System.Runtime.InteropServices;
using System.Text.Json;
using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Search;

/// <summary>
/// The postings of one shard's tokens laid out as numbers, read once from the index and then both fingerprinted and written
/// from: for each token, each of its postings as (document, fields, number of body positions, the positions…). Reused
/// from shard to shard by one writer thread.
/// </summary>
internal sealed class ShardNumbers
{
    private readonly List<int> _numbers = [];
    private readonly List<int> _tokenEnds = [];
    private byte[] _posting = new byte[256];

    /// <summary>Reads the postings of <paramref name="tokens"/> from <paramref name="index"/>, replacing those read before.</summary>
    public ShardNumbers Read(SearchIndex index, string[] tokens)
    {
        _numbers.Clear();
        _tokenEnds.Clear();
        foreach (var token in tokens)
        {
            index.ForEachPosting(token, (document, fields, positions) =>
            {
                _numbers.Add(document);
                _numbers.Add((int)fields);
                _numbers.Add(positions.Length);
                _numbers.AddRange(positions);
            });
            _tokenEnds.Add(_numbers.Count);
        }

        return this;
    }

    /// <summary>What a shard's JSON is written from, hashed: the format version, then each token and its numbers.</summary>
    public ContentHash Fingerprint(string[] tokens)
    {
        var fingerprint = new Fingerprint().Add(SearchIndexWriter.Version);
        for (var t = 0; t < tokens.Length; t++)
        {
            fingerprint.Add(tokens[t]).Add(MemoryMarshal.AsBytes(NumbersOf(t)));
        }

        return fingerprint.FinishHash();
    }

    /// <summary>The shard's JSON object: each token to its postings, [document, fields, body positions as deltas…] each.</summary>
    public void WriteShard(Utf8JsonWriter writer, string[] tokens)
    {
        writer.WriteStartObject();
        for (var t = 0; t < tokens.Length; t++)
        {
            writer.WriteStartArray(tokens[t]);
            var numbers = NumbersOf(t);
            while (!numbers.IsEmpty)
            {
                var count = numbers[2];
                SearchIndexWriter.WritePosting(writer, numbers[0], (SearchField)numbers[1], numbers.Slice(3, count), ref _posting);
                numbers = numbers[(3 + count)..];
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private ReadOnlySpan<int> NumbersOf(int token)
    {
        var start = token == 0 ? 0 : _tokenEnds[token - 1];
        return CollectionsMarshal.AsSpan(_numbers)[start.._tokenEnds[token]];
    }
}
