using System.Collections.Concurrent;

namespace StaticNews.Search;

/// <summary>
/// One string per distinct search token across a build's article bodies. A 10,000-article site has millions of token
/// occurrences but tens of thousands of distinct tokens: bodies tokenized in parallel share these instead of each holding
/// its own copies until the search index is built. It also keeps the working space of tokenizing a body from body to body.
/// Safe to use from several threads.
/// </summary>
internal sealed class TokenPool
{
    private readonly ConcurrentDictionary<string, string> _tokens;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ReusablePool<TermsScratch> _scratch = new();

    /// <summary>A pool sized for <paramref name="expectedTokens"/> distinct tokens (a site's bodies share tens of thousands).</summary>
    public TokenPool(int expectedTokens = 0)
    {
        _tokens = ConcurrentTables.Sized<string, string>(expectedTokens, StringComparer.Ordinal);
        _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _tokens.Count;

    /// <summary>The pooled string equal to <paramref name="token"/>, added on first sight.</summary>
    public string Intern(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out var pooled))
        {
            return pooled;
        }

        var created = token.ToString();
        return _tokens.GetOrAdd(created, created);
    }

    /// <summary>Working space for tokenizing one body, to be handed back (<see cref="Return"/>) when done.</summary>
    public TermsScratch RentScratch() => _scratch.TryRent() ?? new TermsScratch(this);

    public void Return(TermsScratch scratch)
    {
        scratch.Clear();
        _scratch.Return(scratch);
    }
}
