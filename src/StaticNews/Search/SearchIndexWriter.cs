using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StaticNews.Discovery;
using StaticNews.Incremental;
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

    public static IReadOnlyList<OutputFile> Write(SearchIndex index, string basePath, CancellationToken cancellationToken = default) =>
        Write(index, basePath, reuse: null, cancellationToken);

    /// <summary>
    /// The files, except that a document chunk or shard whose content fingerprint <paramref name="reuse"/> says the previous
    /// build wrote is only named. Fingerprinting a shard's postings costs a fraction of writing its JSON.
    /// </summary>
    internal static IReadOnlyList<OutputFile> Write(SearchIndex index, string basePath, OutputReuse? reuse, CancellationToken cancellationToken)
    {
        var shards = index.Tokens
            .GroupBy(ShardKey, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Tokens: g.Order(StringComparer.Ordinal).ToArray()))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var chunks = ChunkCount(index.Documents.Count);
        var files = new OutputFile[1 + chunks + shards.Length];

        files[0] = MetaFile(shards.Select(s => s.Key), index.Documents.Count, basePath);

        // Shards differ in size by orders of magnitude: the largest go first, one at a time, so no core waits on the last big one.
        // Each worker writes into buffers of its own that grow as needed, instead of new ones per file.
        var largestFirst = Enumerable.Range(0, chunks + shards.Length)
            .OrderByDescending(i => i < chunks ? DocumentsPerChunk : shards[i - chunks].Tokens.Sum(index.PostingCount))
            .ToArray();
        ParallelWork.For(
            largestFirst.Length,
            () => new WorkerBuffers(new ArrayBufferWriter<byte>(), new ShardNumbers()),
            (k, buffers) =>
            {
                var i = largestFirst[k];
                var (json, shardNumbers) = buffers;
                if (i < chunks)
                {
                    files[1 + i] = DocumentChunkFile(index.Documents, i, reuse, json);
                }
                else
                {
                    var (path, tokens) = (ShardPath(shards[i - chunks].Key), shards[i - chunks].Tokens);
                    var numbers = shardNumbers.Read(index, tokens);
                    files[1 + i] = reuse is not null && reuse.IsUnchanged(path, numbers.Fingerprint(tokens))
                        ? OutputFile.Unchanged(path)
                        : new OutputFile(path, Json(json, writer => numbers.WriteShard(writer, tokens)));
                }
            },
            finish: null,
            cancellationToken);

        return files;
    }

    internal const string MetaPath = Folder + "meta.json";

    internal static int ChunkCount(int documents) => (documents + DocumentsPerChunk - 1) / DocumentsPerChunk;

    /// <summary>meta.json: the format, the base path, how many documents in chunks of how many, and the shards in order.</summary>
    internal static OutputFile MetaFile(IEnumerable<string> shardKeys, int documents, string basePath) =>
        new(MetaPath, Json(new ArrayBufferWriter<byte>(), writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("base", basePath);
            writer.WriteNumber("documents", documents);
            writer.WriteNumber("chunk", DocumentsPerChunk);
            writer.WriteStartArray("shards");
            foreach (var key in shardKeys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

    /// <summary>One chunk of document metadata, or only its name when <paramref name="reuse"/> says the previous build wrote it from the same.</summary>
    internal static OutputFile DocumentChunkFile(IReadOnlyList<SearchDocument> documents, int chunk, OutputReuse? reuse, ArrayBufferWriter<byte> buffer)
    {
        var path = DocumentChunkPath(chunk);
        return reuse is not null && reuse.IsUnchanged(path, DocumentChunkFingerprint(documents, chunk))
            ? OutputFile.Unchanged(path)
            : new OutputFile(path, DocumentChunk(documents, chunk, buffer));
    }

    internal static string DocumentChunkPath(int chunk) => Folder + "docs/" + chunk.ToString(CultureInfo.InvariantCulture) + ".json";

    internal static string ShardPath(string key) => Folder + "index/" + key + ".json";

    private static ContentHash DocumentChunkFingerprint(IReadOnlyList<SearchDocument> documents, int chunk)
    {
        var fingerprint = new Fingerprint().Add(Version);
        foreach (var document in ChunkDocuments(documents, chunk))
        {
            fingerprint.Add(document.Url).Add(document.Title).Add(document.Summary).Add(document.Date).Add(document.DateText).Add(document.Category);
            AddAll(fingerprint, document.Authors);
            AddAll(fingerprint, document.Tags);
        }

        return fingerprint.FinishHash();
    }

    private static void AddAll(Fingerprint fingerprint, IReadOnlyList<string> values)
    {
        fingerprint.Add(values.Count);
        foreach (var value in values)
        {
            fingerprint.Add(value);
        }
    }

    private static IEnumerable<SearchDocument> ChunkDocuments(IReadOnlyList<SearchDocument> documents, int chunk)
    {
        var end = Math.Min(documents.Count, (chunk + 1) * DocumentsPerChunk);
        for (var id = chunk * DocumentsPerChunk; id < end; id++)
        {
            yield return documents[id];
        }
    }

    private static byte[] DocumentChunk(IReadOnlyList<SearchDocument> documents, int chunk, ArrayBufferWriter<byte> buffer) =>
        Json(buffer, writer =>
        {
            writer.WriteStartArray();
            foreach (var document in ChunkDocuments(documents, chunk))
            {
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
        });

    /// <summary>One posting as the shards hold it (see <see cref="FormatPosting"/>), handed to the writer whole, in one call.</summary>
    internal static void WritePosting(Utf8JsonWriter writer, int document, SearchField fields, ReadOnlySpan<int> positions, ref byte[] scratch) =>
        writer.WriteRawValue(FormatPosting(document, fields, positions, ref scratch), skipInputValidation: true);

    /// <summary>
    /// One posting as the shards hold it: [document, fields, body positions as deltas…], formatted in <paramref name="scratch"/>
    /// (grown as needed, kept by the caller from posting to posting).
    /// </summary>
    internal static ReadOnlySpan<byte> FormatPosting(int document, SearchField fields, ReadOnlySpan<int> positions, ref byte[] scratch)
    {
        // At most 11 characters and a comma per number, and the brackets.
        var longest = (12 * (positions.Length + 2)) + 2;
        if (scratch.Length < longest)
        {
            scratch = new byte[Math.Max(longest, scratch.Length * 2)];
        }

        var json = scratch.AsSpan();
        json[0] = (byte)'[';
        var length = 1;
        length += FormatNumber(document, json[length..]);
        json[length++] = (byte)',';
        length += FormatNumber((int)fields, json[length..]);
        var previous = 0;
        foreach (var position in positions)
        {
            json[length++] = (byte)',';
            length += FormatNumber(position - previous, json[length..]);
            previous = position;
        }

        json[length++] = (byte)']';
        return json[..length];
    }

    private static int FormatNumber(int number, Span<byte> destination)
    {
        number.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

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

    /// <summary>How the search files escape strings: the relaxed encoder, which leaves non-ASCII letters and HTML's special characters as they are.</summary>
    internal static System.Text.Encodings.Web.JavaScriptEncoder Encoder => System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    internal static byte[] Json(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        // The writers above always close what they open: validating each of millions of numbers would only cost time.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true }))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What one worker writes search files into, kept from file to file.</summary>
    private sealed record WorkerBuffers(ArrayBufferWriter<byte> Json, ShardNumbers Numbers);
}
