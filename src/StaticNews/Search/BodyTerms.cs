namespace StaticNews.Search;

/// <summary>
/// The indexed words of one rendered article body: its distinct tokens in ordinal order and, for each, its positions among all
/// the body's words (one slice of a shared array). Computed once per rendered body and kept with it in the build cache, so an
/// unchanged body is not tokenized again.
/// </summary>
internal sealed class BodyTerms
{
    public BodyTerms(string[] tokens, int[] positionStarts, int[] positions)
    {
        if (positionStarts.Length != tokens.Length + 1)
        {
            throw new ArgumentException("One start per token, plus the end, is needed.", nameof(positionStarts));
        }

        Tokens = tokens;
        PositionStarts = positionStarts;
        Positions = positions;
    }

    public string[] Tokens { get; }

    /// <summary>Where each token's positions start in <see cref="Positions"/>; the last entry is the end.</summary>
    public int[] PositionStarts { get; }

    public int[] Positions { get; }

    public static BodyTerms Of(string html) => Of(html, new TokenPool());

    /// <summary>The terms of <paramref name="html"/>, its tokens taken from <paramref name="pool"/>.</summary>
    public static BodyTerms Of(string html, TokenPool pool)
    {
        var found = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = found.GetAlternateLookup<ReadOnlySpan<char>>();
        var positionCount = 0;
        SearchTokenizer.ForEachWord(SearchTokenizer.Fold(SearchIndex.PlainText(html)), (word, position) =>
        {
            if (SearchTokenizer.IsIndexable(word))
            {
                if (lookup.TryGetValue(word, out var positionsOfWord))
                {
                    positionsOfWord.Add(position);
                }
                else
                {
                    found.Add(pool.Intern(word), [position]);
                }

                positionCount++;
            }
        });

        var tokens = new string[found.Count];
        found.Keys.CopyTo(tokens, 0);
        Array.Sort(tokens, StringComparer.Ordinal);
        var starts = new int[tokens.Length + 1];
        var positions = new int[positionCount];
        var next = 0;
        for (var slot = 0; slot < tokens.Length; slot++)
        {
            var list = found[tokens[slot]];
            starts[slot] = next;
            list.CopyTo(positions, next);
            next += list.Count;
        }

        starts[tokens.Length] = next;
        return new BodyTerms(tokens, starts, positions);
    }
}
