using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StaticNews.Search;

/// <summary>
/// Walks a search shard as <see cref="SearchIndexWriter"/> writes it, <c>{"token":[[id,fields,deltas…],…],…}</c> without
/// white space, entry by entry without reading the postings: a posting holds only numbers, so an entry's postings end at
/// its first <c>]]</c>, found by one vectorised search where a JSON reader would read every number (at 10,000 articles a
/// one-body edit patched a dozen shards of up to 2 MB, and reading them was a tenth of the edit's CPU). Anything not of
/// that shape throws <see cref="FormatException"/>.
/// </summary>
internal ref struct ShardEntries
{
    private readonly ReadOnlySpan<byte> _shard;

    /// <summary>Where the next entry's name starts; at the closing brace when none is left.</summary>
    private int _next;

    public ShardEntries(ReadOnlySpan<byte> shard)
    {
        Expect(shard.Length >= 2 && shard[0] == (byte)'{' && shard[^1] == (byte)'}');
        _shard = shard;
        _next = 1;
    }

    /// <summary>The current entry's name as written: a JSON string, quotes included.</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>The current entry's postings as written: a JSON array of arrays.</summary>
    public ReadOnlySpan<byte> Postings { get; private set; }

    /// <summary>Where the current entry, <c>"name":[…]</c>, starts in the shard.</summary>
    public int EntryStart { get; private set; }

    /// <summary>Where the current entry ends in the shard: just past its postings' closing bracket.</summary>
    public int EntryEnd { get; private set; }

    /// <summary>The entries after the current one as written, commas between them included; empty when none is left.</summary>
    public readonly ReadOnlySpan<byte> Rest => _shard[_next..^1];

    public bool MoveNext()
    {
        if (_next == _shard.Length - 1)
        {
            return false;
        }

        var start = _next;
        var nameEnd = start + EndOfString(_shard[start..]);
        Expect(_shard.Length - nameEnd > 3 && _shard[nameEnd] == (byte)':' && _shard[nameEnd + 1] == (byte)'[' && _shard[nameEnd + 2] == (byte)'[');
        var postingsStart = nameEnd + 1;
        var close = _shard[postingsStart..].IndexOf("]]"u8);
        Expect(close >= 0);
        var end = postingsStart + close + 2;
        Expect(end < _shard.Length && (_shard[end] == (byte)',' || end == _shard.Length - 1));

        Name = _shard[start..nameEnd];
        Postings = _shard[postingsStart..end];
        EntryStart = start;
        EntryEnd = end;
        _next = end == _shard.Length - 1 ? end : end + 1;
        return true;
    }

    /// <summary>Compares the current entry's token with <paramref name="token"/> as <see cref="StringComparer.Ordinal"/> does.</summary>
    public readonly int CompareName(string token)
    {
        var quoted = Name[1..^1];
        if (quoted.Contains((byte)'\\'))
        {
            return string.CompareOrdinal(Unescape(Name), token);
        }

        // A name is a token of a few words' length: decoded on the stack, never as a string.
        Span<char> buffer = quoted.Length <= 128 ? stackalloc char[128] : new char[quoted.Length];
        var length = Encoding.UTF8.GetChars(quoted, buffer);
        return buffer[..length].SequenceCompareTo(token);
    }

    /// <summary>
    /// The document ids of a token's postings as written, each with where its posting lies in <paramref name="postings"/>:
    /// <c>[[id,…],[id,…]]</c>, each posting from its opening to its closing bracket.
    /// </summary>
    public static List<(int Document, int Start, int Length)> PostingsOf(ReadOnlySpan<byte> postings)
    {
        var found = new List<(int Document, int Start, int Length)>();
        Expect(postings.Length >= 4 && postings[0] == (byte)'[' && postings[^1] == (byte)']');
        var at = 1;
        while (true)
        {
            Expect(postings[at] == (byte)'[');
            var length = postings[at..].IndexOf((byte)']') + 1;
            Expect(length > 0);
            var posting = postings.Slice(at, length);
            var idLength = posting[1..].IndexOfAny((byte)',', (byte)']');
            if (idLength <= 0 || !int.TryParse(posting.Slice(1, idLength), NumberStyles.None, CultureInfo.InvariantCulture, out var document))
            {
                throw Malformed();
            }

            found.Add((document, at, length));
            at += length;
            Expect(at < postings.Length);
            if (postings[at] == (byte)']')
            {
                Expect(at == postings.Length - 1);
                return found;
            }

            Expect(postings[at] == (byte)',');
            at++;
        }
    }

    /// <summary>Where the JSON string opening <paramref name="text"/> ends: the index just past its closing quote.</summary>
    private static int EndOfString(ReadOnlySpan<byte> text)
    {
        Expect(text.Length > 0 && text[0] == (byte)'"');
        var at = 1;
        while (true)
        {
            var found = text[at..].IndexOfAny((byte)'"', (byte)'\\');
            Expect(found >= 0);
            at += found;
            if (text[at] == (byte)'"')
            {
                return at + 1;
            }

            // An escape: the character after the backslash is part of it, a quote included.
            at += 2;
            Expect(at < text.Length);
        }
    }

    private static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.String);
        return reader.GetString()!;
    }

    private static bool Expect(bool condition) => condition ? true : throw Malformed();

    private static FormatException Malformed() => new("The previous search shard is not in the expected shape.");
}
