namespace StaticNews.Search;

/// <summary>
/// The working space of tokenizing one body (<see cref="BodyTerms.Of(ReadOnlySpan{char}, TokenPool)"/>), kept from body to
/// body by the <see cref="TokenPool"/>: only the terms themselves are allocated per body.
/// </summary>
internal sealed class TermsScratch(TokenPool pool)
{
    /// <summary>The body's distinct tokens, each with its slot.</summary>
    public TokenSlots Slots { get; } = new(pool, 1024);

    /// <summary>The slot of each indexed word, in text order.</summary>
    public List<int> WordSlots { get; } = new(4096);

    /// <summary>The position of each indexed word, in text order.</summary>
    public List<int> WordPositions { get; } = new(4096);

    private int[] _ranks = new int[3 * 1024];

    /// <summary>Room for three numbers per distinct token of the body (their ordering by rank), grown as needed.</summary>
    public Span<int> Ranks(int tokens)
    {
        if (_ranks.Length < 3 * tokens)
        {
            _ranks = new int[3 * tokens];
        }

        return _ranks.AsSpan(0, 3 * tokens);
    }

    /// <summary>Made ready for the next body.</summary>
    public void Clear()
    {
        Slots.Clear();
        WordSlots.Clear();
        WordPositions.Clear();
    }
}
