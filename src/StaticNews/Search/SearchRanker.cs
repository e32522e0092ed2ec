namespace StaticNews.Search;

/// <summary>
/// The ranking search.js applies in the browser, in C# so it can be tested: every term and phrase must match; each adds the weight
/// of the best field it was found in (title 16, tag 12, author or section 4, summary 3, body 1), doubled when the word is whole rather
/// than a prefix; higher scores first, then the newer article.
/// </summary>
public static class SearchRanker
{
    public static int Weight(SearchField fields) =>
        (fields & SearchField.Title) != 0 ? 16
        : (fields & SearchField.Tag) != 0 ? 12
        : (fields & SearchField.Byline) != 0 ? 4
        : (fields & SearchField.Summary) != 0 ? 3
        : (fields & SearchField.Body) != 0 ? 1
        : 0;

    public static IReadOnlyList<SearchResult> Rank(SearchIndex index, SearchQuery query)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        Dictionary<int, int>? scores = null;
        foreach (var term in query.Terms)
        {
            var termScores = new Dictionary<int, int>();
            foreach (var (token, postings) in index.Postings)
            {
                if (!token.StartsWith(term, StringComparison.Ordinal))
                {
                    continue;
                }

                var whole = token.Length == term.Length ? 2 : 1;
                foreach (var posting in postings)
                {
                    var score = Weight(posting.Fields) * whole;
                    if (score > termScores.GetValueOrDefault(posting.DocumentId))
                    {
                        termScores[posting.DocumentId] = score;
                    }
                }
            }

            scores = Combine(scores, termScores);
        }

        foreach (var phrase in query.Phrases)
        {
            scores = Combine(scores, PhraseScores(index, phrase));
        }

        return [.. (scores ?? [])
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Select(p => new SearchResult(index.Documents[p.Key], p.Value))];
    }

    /// <summary>Documents where the phrase's words stand together: in the title, a tag or the summary (scored as that field, whole), or at consecutive body positions.</summary>
    private static Dictionary<int, int> PhraseScores(SearchIndex index, IReadOnlyList<string> phrase)
    {
        var words = phrase.Select((word, offset) => (word, offset)).Where(w => SearchTokenizer.IsIndexable(w.word)).ToList();
        var lists = new List<(IReadOnlyList<SearchPosting> Postings, int Offset)>();
        foreach (var (word, offset) in words)
        {
            if (!index.Postings.TryGetValue(word, out var postings))
            {
                return [];
            }

            lists.Add((postings, offset));
        }

        var result = new Dictionary<int, int>();
        foreach (var first in lists[0].Postings)
        {
            var found = new List<SearchPosting> { first };
            foreach (var (postings, _) in lists.Skip(1))
            {
                if (postings.FirstOrDefault(p => p.DocumentId == first.DocumentId) is { } posting)
                {
                    found.Add(posting);
                }
            }

            if (found.Count != lists.Count)
            {
                continue;
            }

            var document = index.Documents[first.DocumentId];
            var score = ContainsPhrase(SearchTokenizer.Words(document.Title), phrase) ? 2 * Weight(SearchField.Title)
                : document.Tags.Any(t => ContainsPhrase(SearchTokenizer.Words(t), phrase)) ? 2 * Weight(SearchField.Tag)
                : ContainsPhrase(SearchTokenizer.Words(document.Summary), phrase) ? 2 * Weight(SearchField.Summary)
                : InBody(found, lists) ? 2 * Weight(SearchField.Body)
                : 0;
            if (score > 0)
            {
                result[first.DocumentId] = score;
            }
        }

        return result;
    }

    private static bool ContainsPhrase(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= words.Count; i++)
        {
            var j = 0;
            while (j < phrase.Count && string.Equals(words[i + j], phrase[j], StringComparison.Ordinal))
            {
                j++;
            }

            if (j == phrase.Count)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InBody(List<SearchPosting> found, List<(IReadOnlyList<SearchPosting> Postings, int Offset)> lists)
    {
        foreach (var start in found[0].BodyPositions)
        {
            var origin = start - lists[0].Offset;
            var all = true;
            for (var k = 1; k < found.Count && all; k++)
            {
                all = found[k].BodyPositions.Contains(origin + lists[k].Offset);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<int, int> Combine(Dictionary<int, int>? scores, Dictionary<int, int> next)
    {
        if (scores is null)
        {
            return next;
        }

        var combined = new Dictionary<int, int>();
        foreach (var (id, score) in scores)
        {
            if (next.TryGetValue(id, out var more))
            {
                combined[id] = score + more;
            }
        }

        return combined;
    }
}
