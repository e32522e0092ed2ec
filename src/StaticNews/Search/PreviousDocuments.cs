using System.Text.Json;
using StaticNews.Output;

namespace StaticNews.Search;

/// <summary>
/// The search results the previous build wrote, read back from its document chunks on demand: an article whose metadata
/// changed since then finds there the metadata its postings were made from. A chunk is read only as that build wrote it
/// (its hash checked), and once.
/// </summary>
internal sealed class PreviousDocuments(PreviousOutput previous)
{
    private readonly Dictionary<int, SearchDocument[]?> _chunks = [];

    /// <summary>
    /// The document of <paramref name="id"/>, or null when its chunk is gone, changed, of another shape, or holds another URL
    /// for it; also when one of its texts holds U+FFFD, which the JSON writer puts for any invalid UTF-16 it was given, so
    /// the text read back may not be the one indexed.
    /// </summary>
    public SearchDocument? Of(int id, string url)
    {
        var chunk = id / SearchIndexWriter.DocumentsPerChunk;
        if (!_chunks.TryGetValue(chunk, out var documents))
        {
            _chunks[chunk] = documents = Read(chunk);
        }

        var index = id - (chunk * SearchIndexWriter.DocumentsPerChunk);
        return documents is not null && index < documents.Length && documents[index] is { } document && document.Url == url ? document : null;
    }

    private SearchDocument[]? Read(int chunk)
    {
        if (previous.ReadAsWritten(SearchIndexWriter.DocumentChunkPath(chunk)) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            var documents = new List<SearchDocument>();
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.GetArrayLength() != 8)
                {
                    return null;
                }

                var document = new SearchDocument(
                    (chunk * SearchIndexWriter.DocumentsPerChunk) + documents.Count,
                    Text(item[0]),
                    Text(item[1]),
                    Text(item[2]),
                    Text(item[3]),
                    Text(item[4]),
                    Texts(item[5]),
                    Text(item[6]),
                    Texts(item[7]));
                if (HasReplacement(document))
                {
                    return null;
                }

                documents.Add(document);
            }

            return [.. documents];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string Text(JsonElement element) => element.GetString() ?? throw new InvalidOperationException("A null where a text belongs.");

    private static string[] Texts(JsonElement element) => [.. element.EnumerateArray().Select(Text)];

    private static bool HasReplacement(SearchDocument document) =>
        document.Title.Contains('\uFFFD', StringComparison.Ordinal)
        || document.Summary.Contains('\uFFFD', StringComparison.Ordinal)
        || document.Category.Contains('\uFFFD', StringComparison.Ordinal)
        || document.Authors.Any(author => author.Contains('\uFFFD', StringComparison.Ordinal))
        || document.Tags.Any(tag => tag.Contains('\uFFFD', StringComparison.Ordinal));
}
