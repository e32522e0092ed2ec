using System.Text;
using StaticNews.Building;

namespace StaticNews.Incremental;

/// <summary>
/// The articles a cached body links to (<c>ref:</c> links, <c>also-read</c>), as its entry in the body cache records them:
/// each slug, whether it was found, and the title and URL it had then (see <see cref="BodyCache"/>).
/// </summary>
internal static class StoredLinks
{
    /// <summary>Slugs up to this many UTF-8 bytes are decoded on the stack to be looked up; longer ones into a string.</summary>
    private const int MaxStackSlugBytes = 256;

    /// <summary>
    /// The links read from <paramref name="reader"/>, if every one still holds (the article it found still has the title and
    /// URL stored, or a slug that found nothing still finds nothing); null at the first that does not. Compared where they
    /// are stored, each link that holds is made of the present article's strings: an edit at 10,000 articles checks about
    /// as many links, and decoding their texts into a table of strings first was about 2 % of its CPU.
    /// </summary>
    public static BodyLink[]? ReadIfStillHolding(ref CacheReader reader, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new FormatException("A negative number of links.");
        }

        var links = count == 0 ? [] : new BodyLink[count];
        var lookup = articlesBySlug is Dictionary<string, ArticleTarget> table && table.TryGetAlternateLookup<ReadOnlySpan<char>>(out var alternate)
            ? alternate
            : default(Dictionary<string, ArticleTarget>.AlternateLookup<ReadOnlySpan<char>>?);
        for (var i = 0; i < links.Length; i++)
        {
            var slugBytes = reader.ReadStringBytes();
            var found = reader.ReadBoolean();
            var (slug, target) = Find(slugBytes, articlesBySlug, lookup);
            if (found)
            {
                if (target is null || !reader.ReadStringEquals(target.Title) || !reader.ReadStringEquals(target.Url))
                {
                    return null;
                }

                links[i] = new BodyLink(slug, target.Title, target.Url);
            }
            else
            {
                if (target is not null)
                {
                    return null;
                }

                Skip(ref reader, strings: 2);
                links[i] = new BodyLink(slug, null, null);
            }
        }

        return links;
    }

    /// <summary>Moves <paramref name="reader"/> past the links, reading none of their texts.</summary>
    public static void Skip(ref CacheReader reader)
    {
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            Skip(ref reader, strings: 1);
            reader.ReadBoolean();
            Skip(ref reader, strings: 2);
        }
    }

    private static void Skip(ref CacheReader reader, int strings)
    {
        for (var i = 0; i < strings; i++)
        {
            reader.ReadStringBytes();
        }
    }

    /// <summary>The slug stored as <paramref name="utf8"/> (the table's own string when it has the slug) and the article it names now, if any.</summary>
    private static (string Slug, ArticleTarget? Target) Find(ReadOnlySpan<byte> utf8, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug, Dictionary<string, ArticleTarget>.AlternateLookup<ReadOnlySpan<char>>? lookup)
    {
        if (lookup is { } table && utf8.Length <= MaxStackSlugBytes)
        {
            Span<char> buffer = stackalloc char[MaxStackSlugBytes];
            var slug = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
            return table.TryGetValue(slug, out var known, out var target) ? (known, target) : (new string(slug), null);
        }

        var text = Encoding.UTF8.GetString(utf8);
        return (text, articlesBySlug.GetValueOrDefault(text));
    }
}
