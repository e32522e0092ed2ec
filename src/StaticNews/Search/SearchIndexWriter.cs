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

    public static IReadOnlyList<OutputFile> Write(SearchIndex index, string basePath)
    {
        var files = new List<OutputFile>();
        var shards = index.Postings
            .GroupBy(p => ShardKey(p.Key), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        files.Add(new OutputFile(Folder + "meta.json", Json(writer =>
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
        })));

        for (var start = 0; start < index.Documents.Count; start += DocumentsPerChunk)
        {
            var chunk = index.Documents.Skip(start).Take(DocumentsPerChunk);
            files.Add(new OutputFile(Folder + "docs/" + (start / DocumentsPerChunk).ToString(CultureInfo.InvariantCulture) + ".json", Json(writer =>
            {
                writer.WriteStartArray();
                foreach (var document in chunk)
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
            })));
        }

        foreach (var shard in shards)
        {
            files.Add(new OutputFile(Folder + "index/" + shard.Key + ".json", Json(writer =>
            {
                writer.WriteStartObject();
                foreach (var (token, postings) in shard.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartArray(token);
                    foreach (var posting in postings)
                    {
                        writer.WriteStartArray();
                        writer.WriteNumberValue(posting.DocumentId);
                        writer.WriteNumberValue((int)posting.Fields);
                        var previous = 0;
                        foreach (var position in posting.BodyPositions)
                        {
                            writer.WriteNumberValue(position - previous);
                            previous = position;
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            })));
        }

        return files;
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

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
