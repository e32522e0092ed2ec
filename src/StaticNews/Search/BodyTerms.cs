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
        // Each indexed word is noted as (slot of its token, position); the positions are then laid out token by token, in
        // ordinal order of the tokens, without a list per token.
        var slots = new TokenSlots(pool, html.Length / 32);
        var wordSlots = new List<int>(html.Length / 16);
        var wordPositions = new List<int>(html.Length / 16);
        FoldedPlainText.ForEachWord(html, (word, position) =>
        {
            if (SearchTokenizer.IsIndexable(word))
            {
                wordSlots.Add(slots.SlotOf(word));
                wordPositions.Add(position);
            }
        });

        var tokens = slots.Tokens.ToArray();
        var slotOfRank = new int[tokens.Length];
        for (var slot = 0; slot < slotOfRank.Length; slot++)
        {
            slotOfRank[slot] = slot;
        }

        Array.Sort(tokens, slotOfRank, StringComparer.Ordinal);
        var rankOfSlot = new int[slots.Count];
        for (var rank = 0; rank < slotOfRank.Length; rank++)
        {
            rankOfSlot[slotOfRank[rank]] = rank;
        }

        var starts = new int[tokens.Length + 1];
        foreach (var slot in wordSlots)
        {
            starts[rankOfSlot[slot] + 1]++;
        }

        for (var rank = 0; rank < tokens.Length; rank++)
        {
            starts[rank + 1] += starts[rank];
        }

        var positions = new int[wordSlots.Count];
        var next = starts[..^1];
        for (var i = 0; i < wordSlots.Count; i++)
        {
            positions[next[rankOfSlot[wordSlots[i]]]++] = wordPositions[i];
        }

        return new BodyTerms(tokens, starts, positions);
    }
}
