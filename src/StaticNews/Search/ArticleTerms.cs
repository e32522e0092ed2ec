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

    public static ArticleTerms Of(Model.Article article)
    {
        var found = new Dictionary<string, (SearchField Fields, List<int>? Positions)>(StringComparer.Ordinal);
        var lookup = found.GetAlternateLookup<ReadOnlySpan<char>>();
        var positionCount = 0;

        void Add(string text, SearchField field)
        {
            SearchTokenizer.ForEachWord(SearchTokenizer.Fold(text), (word, _) =>
            {
                if (SearchTokenizer.IsIndexable(word))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out var _).Fields |= field;
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
        SearchTokenizer.ForEachWord(SearchTokenizer.Fold(SearchIndex.PlainText(article.Body.Html)), (word, position) =>
        {
            if (!SearchTokenizer.IsIndexable(word))
            {
                return;
            }

            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out var _);
            entry.Fields |= SearchField.Body;
            (entry.Positions ??= []).Add(position);
            positionCount++;
        });

        var tokens = new string[found.Count];
        found.Keys.CopyTo(tokens, 0);
        Array.Sort(tokens, StringComparer.Ordinal);
        var fieldsOf = new SearchField[tokens.Length];
        var starts = new int[tokens.Length + 1];
        var all = new int[positionCount];
        var next = 0;
        for (var slot = 0; slot < tokens.Length; slot++)
        {
            var (fields, positions) = found[tokens[slot]];
            fieldsOf[slot] = fields;
            starts[slot] = next;
            if (positions is not null)
            {
                positions.CopyTo(all, next);
                next += positions.Count;
            }
        }

        starts[tokens.Length] = next;
        return new ArticleTerms(tokens, fieldsOf, starts, all);
    }
}
