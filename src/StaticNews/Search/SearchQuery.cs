namespace StaticNews.Search;

/// <summary>
/// A parsed query: loose terms (each matches any token it begins, so results follow typing) and quoted phrases
/// (words matched whole and next to each other). Words are folded like the index; stop words keep their place in a phrase.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public static SearchQuery Parse(string text)
    {
        var terms = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var words = SearchTokenizer.Words(parts[i]);

            // Odd parts sit between quotes; an unclosed quote's last part is a phrase being typed.
            if (i % 2 == 1)
            {
                if (words.Any(SearchTokenizer.IsIndexable))
                {
                    phrases.Add(words);
                }
            }
            else
            {
                terms.AddRange(words.Where(SearchTokenizer.IsIndexable));
            }
        }

        return new SearchQuery([.. terms.Distinct(StringComparer.Ordinal)], phrases);
    }
}
