using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StaticNews.Rendering;

namespace StaticNews.Search;

/// <summary>
/// Writes the index as small JSON files under search/, so a browser fetches only what a query needs:
/// <c>meta.json</c> (counts and the list of shards), <c>docs/N.json</c> (metadata of <see cref="DocumentsPerChunk"/> articles each) and
/// <c>index/KEY.json</c> (the tokens that begin with the two characters KEY: token -> [[id, fields, body positions as deltas…]…]).
/// </summary>
public static class SearchIndexWriter
{
    public const string Folder = "search/";
    public const int DocumentsPerChunk = 50;

    /// <summary>Format version, read by search.js; raise it when the files change shape.</summary>
    public const int Version = 1;

    public static IReadOnlyList<OutputFile> Write(SearchIndex index, string basePath, CancellationToken cancellationToken = default)
    {
        var shards = index.Tokens
            .GroupBy(ShardKey, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Tokens: g.Order(StringComparer.Ordinal).ToArray()))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var chunks = (index.Documents.Count + DocumentsPerChunk - 1) / DocumentsPerChunk;
        var files = new OutputFile[1 + chunks + shards.Length];

        files[0] = new OutputFile(Folder + "meta.json", Json(new ArrayBufferWriter<byte>(), writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("base", basePath);
            writer.WriteNumber("documents", index.Documents.Count);
            writer.WriteNumber("chunk", DocumentsPerChunk);
            writer.WriteStartArray("shards");
            foreach (var shard in shards)
            {
                writer.WriteStringValue(shard.Key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

        // Shards differ in size by orders of magnitude: the largest go first, one at a time, so no core waits on the last big one.
        // Each worker writes into one growing buffer of its own instead of a new stream per file.
        var largestFirst = Enumerable.Range(0, chunks + shards.Length)
            .OrderByDescending(i => i < chunks ? DocumentsPerChunk : shards[i - chunks].Tokens.Sum(index.PostingCount))
            .ToArray();
        Parallel.ForEach(
            Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new ArrayBufferWriter<byte>(),
            (i, _, buffer) =>
            {
                files[1 + i] = i < chunks ? DocumentChunk(index, i, buffer) : Shard(index, shards[i - chunks].Key, shards[i - chunks].Tokens, buffer);
                return buffer;
            },
            _ => { });

        return files;
    }

    private static OutputFile DocumentChunk(SearchIndex index, int chunk, ArrayBufferWriter<byte> buffer) =>
        new(Folder + "docs/" + chunk.ToString(CultureInfo.InvariantCulture) + ".json", Json(buffer, writer =>
        {
            writer.WriteStartArray();
            var end = Math.Min(index.Documents.Count, (chunk + 1) * DocumentsPerChunk);
            for (var id = chunk * DocumentsPerChunk; id < end; id++)
            {
                var document = index.Documents[id];
                writer.WriteStartArray();
                writer.WriteStringValue(document.Url);
                writer.WriteStringValue(document.Title);
                writer.WriteStringValue(document.Summary);
                writer.WriteStringValue(document.Date);
                writer.WriteStringValue(document.DateText);
                WriteStrings(writer, document.Authors);
                writer.WriteStringValue(document.Category);
                WriteStrings(writer, document.Tags);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }));

    private static OutputFile Shard(SearchIndex index, string key, string[] tokens, ArrayBufferWriter<byte> buffer) =>
        new(Folder + "index/" + key + ".json", Json(buffer, writer =>
        {
            writer.WriteStartObject();
            foreach (var token in tokens)
            {
                writer.WriteStartArray(token);
                index.ForEachPosting(token, (document, fields, positions) =>
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(document);
                    writer.WriteNumberValue((int)fields);
                    var previous = 0;
                    foreach (var position in positions)
                    {
                        writer.WriteNumberValue(position - previous);
                        previous = position;
                    }

                    writer.WriteEndArray();
                });
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }));

    /// <summary>The shard of a token: its first two UTF-16 units, a-z and 0-9 kept, anything else as _ and four hex digits (search.js computes the same).</summary>
    public static string ShardKey(string token)
    {
        var key = new StringBuilder();
        foreach (var c in token.AsSpan(0, Math.Min(2, token.Length)))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                key.Append(c);
            }
            else
            {
                key.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }

    private static void WriteStrings(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Json(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        // The writers above always close what they open: validating each of millions of numbers would only cost time.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
