using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace StaticNews.Search;

/// <summary>
/// The distinct tokens of one body while it is tokenized, each with its slot (the order they were first seen in): a table
/// keyed by the word's characters, so each word is hashed once and compared once, and a string is made (or taken from the
/// <see cref="TokenPool"/>) only for a token not seen before in the body.
/// </summary>
internal sealed class TokenSlots
{
    private readonly TokenPool _pool;
    private int[] _table;
    private string[] _tokens;
    private ulong[] _hashes;

    public TokenSlots(TokenPool pool, int expected)
    {
        _pool = pool;
        var capacity = Math.Max(16, expected);
        _table = new int[TableSizeFor(capacity)];
        _tokens = new string[capacity];
        _hashes = new ulong[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The token of each slot, in slot order.</summary>
    public ReadOnlySpan<string> Tokens => _tokens.AsSpan(0, Count);

    /// <summary>Forgets every token, keeping the space they took for the next body.</summary>
    public void Clear()
    {
        Array.Clear(_table);
        Array.Clear(_tokens, 0, Count);
        Count = 0;
    }

    /// <summary>The slot of <paramref name="word"/>, which gets the next one on first sight.</summary>
    public int SlotOf(ReadOnlySpan<char> word)
    {
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));
        var mask = _table.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var entry = _table[i];
            if (entry == 0)
            {
                return Add(word, hash, i);
            }

            if (_hashes[entry - 1] == hash && word.SequenceEqual(_tokens[entry - 1]))
            {
                return entry - 1;
            }
        }
    }

    private int Add(ReadOnlySpan<char> word, ulong hash, int index)
    {
        var slot = Count++;
        if (slot == _tokens.Length)
        {
            Array.Resize(ref _tokens, slot * 2);
            Array.Resize(ref _hashes, slot * 2);
        }

        _tokens[slot] = _pool.Intern(word);
        _hashes[slot] = hash;
        _table[index] = slot + 1;
        if (Count * 2 > _table.Length)
        {
            Rehash();
        }

        return slot;
    }

    /// <summary>A table at least twice as large as the tokens it holds, a power of two.</summary>
    private static int TableSizeFor(int tokens) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(tokens * 2));

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
        for (var slot = 0; slot < Count; slot++)
        {
            var i = (int)_hashes[slot] & mask;
            while (_table[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _table[i] = slot + 1;
        }
    }
}
