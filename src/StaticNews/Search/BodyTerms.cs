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

    public static BodyTerms Of(ReadOnlySpan<char> html) => Of(html, new TokenPool());

    /// <summary>The terms of <paramref name="html"/>, its tokens taken from <paramref name="pool"/>.</summary>
    public static BodyTerms Of(ReadOnlySpan<char> html, TokenPool pool)
    {
        var scratch = pool.RentScratch();
        try
        {
            return Of(html, scratch);
        }
        finally
        {
            pool.Return(scratch);
        }
    }

    private static BodyTerms Of(ReadOnlySpan<char> html, TermsScratch scratch)
    {
        // Each indexed word is noted as (slot of its token, position); the positions are then laid out token by token, in
        // ordinal order of the tokens, without a list per token.
        var slots = scratch.Slots;
        var wordSlots = scratch.WordSlots;
        var wordPositions = scratch.WordPositions;
        FoldedPlainText.ForEachWord(html, (word, position) =>
        {
            if (SearchTokenizer.IsIndexable(word))
            {
                wordSlots.Add(slots.SlotOf(word));
                wordPositions.Add(position);
            }
        });

        var tokens = slots.Tokens.ToArray();
        var ranks = scratch.Ranks(tokens.Length);
        var slotOfRank = ranks[..tokens.Length];
        var rankOfSlot = ranks.Slice(tokens.Length, tokens.Length);
        var next = ranks[(2 * tokens.Length)..];
        for (var slot = 0; slot < slotOfRank.Length; slot++)
        {
            slotOfRank[slot] = slot;
        }

        tokens.AsSpan().Sort(slotOfRank, StringComparer.Ordinal);
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
        starts.AsSpan(0, tokens.Length).CopyTo(next);
        for (var i = 0; i < wordSlots.Count; i++)
        {
            positions[next[rankOfSlot[wordSlots[i]]]++] = wordPositions[i];
        }

        return new BodyTerms(tokens, starts, positions);
    }
}
