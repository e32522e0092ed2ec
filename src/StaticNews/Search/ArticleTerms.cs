using System.Runtime.InteropServices;

namespace StaticNews.Search;

/// <summary>
/// The indexed tokens of one article in a compact form: tokens in ordinal order, the fields of each, and the body positions of
/// each as one slice of a shared array. Articles are tokenized in parallel into these, then merged into the index in article order.
/// </summary>
internal sealed class ArticleTerms(string[] tokens, SearchField[] fields, int[] positionStarts, int[] positions)
{
    public string[] Tokens { get; } = tokens;

    public SearchField[] Fields { get; } = fields;

    public ReadOnlySpan<int> BodyPositions(int slot) => positions.AsSpan(positionStarts[slot], positionStarts[slot + 1] - positionStarts[slot]);

    public static ArticleTerms Of(Model.Article article) => Of(article, BodyTerms.Of(article.Body.Html));

    /// <summary>The article's terms: those of its metadata (title, tags, summary, byline) merged into those of its body.</summary>
    public static ArticleTerms Of(Model.Article article, BodyTerms body)
    {
        var metadata = new Dictionary<string, SearchField>(StringComparer.Ordinal);
        var lookup = metadata.GetAlternateLookup<ReadOnlySpan<char>>();

        void Add(string text, SearchField field)
        {
            SearchTokenizer.ForEachWord(SearchTokenizer.Fold(text), (word, position) =>
            {
                if (SearchTokenizer.IsIndexable(word))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _) |= field;
                }
            });
        }

        Add(article.Title, SearchField.Title);
        foreach (var tag in article.Tags)
        {
            Add(tag.Name, SearchField.Tag);
        }

        Add(article.Summary ?? string.Empty, SearchField.Summary);
        foreach (var author in article.Authors)
        {
            Add(author.Name, SearchField.Byline);
        }

        Add(article.Category?.Name ?? string.Empty, SearchField.Byline);

        // Both lists are in ordinal order: merge them. Body tokens keep their relative order, so their positions stay where
        // they are in the body's array and a metadata-only token gets an empty slice.
        var extra = metadata.Keys.Where(token => Array.BinarySearch(body.Tokens, token, StringComparer.Ordinal) < 0).Order(StringComparer.Ordinal).ToArray();
        var count = body.Tokens.Length + extra.Length;
        var tokens = new string[count];
        var fields = new SearchField[count];
        var starts = new int[count + 1];
        var (b, e) = (0, 0);
        for (var slot = 0; slot < count; slot++)
        {
            if (e < extra.Length && (b == body.Tokens.Length || string.CompareOrdinal(extra[e], body.Tokens[b]) < 0))
            {
                tokens[slot] = extra[e++];
                fields[slot] = metadata[tokens[slot]];
                starts[slot] = body.PositionStarts[b];
            }
            else
            {
                tokens[slot] = body.Tokens[b];
                fields[slot] = SearchField.Body | metadata.GetValueOrDefault(tokens[slot]);
                starts[slot] = body.PositionStarts[b++];
            }
        }

        starts[count] = body.PositionStarts[body.Tokens.Length];
        return new ArticleTerms(tokens, fields, starts, body.Positions);
    }
}
