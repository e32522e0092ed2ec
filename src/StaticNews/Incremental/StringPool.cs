using System.Collections.Concurrent;
using System.Text;

namespace StaticNews.Incremental;

/// <summary>
/// One string per distinct short text decoded from a cache: the values many entries repeat (a tag, an author's id, a
/// category, a dateline's place, the slug, title and URL an also-read link names) are made once per build instead of once
/// per entry, which at 10,000 articles is tens of thousands of strings an edit need not allocate. Decoders on several
/// threads may share one.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Texts up to this many UTF-8 bytes are pooled (decoded on the stack to be looked up); longer ones are not.</summary>
    private const int MaxPooledBytes = 256;

    private readonly ConcurrentDictionary<string, string> _strings;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool()
        : this(capacity: 0)
    {
    }

    /// <summary>A pool with room for about <paramref name="capacity"/> texts from the start, so it is not rebuilt as it grows.</summary>
    public StringPool(int capacity)
    {
        _strings = ConcurrentTables.Sized<string, string>(capacity, StringComparer.Ordinal);
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The text of <paramref name="utf8"/>: the string made for the same text before, if any.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> buffer = stackalloc char[MaxPooledBytes];
        var text = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        return _strings.GetOrAdd(made, made);
    }
}
