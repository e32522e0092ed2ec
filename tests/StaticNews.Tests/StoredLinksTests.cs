using System.Text;
using StaticNews.Building;
using StaticNews.Incremental;

namespace StaticNews.Tests;

/// <summary>
/// A cached body's links, read against the articles as they are now (see <see cref="StoredLinks"/>): the body is reused only
/// when every article it links to keeps the title and URL it showed, and a slug that found nothing still finds nothing.
/// </summary>
public sealed class StoredLinksTests
{
    private static readonly Dictionary<string, ArticleTarget> Articles = new(StringComparer.Ordinal)
    {
        ["trade-deal"] = new ArticleTarget("trade-deal", "Trade deal signed", "/trade-deal/"),
        ["cafe-talks"] = new ArticleTarget("cafe-talks", "Café talks in Zürich", "/caf\u00e9-talks/"),
    };

    [Fact]
    public void Links_that_hold_are_made_of_the_present_articles_strings()
    {
        var entry = Entry(("trade-deal", true, "Trade deal signed", "/trade-deal/"), ("cafe-talks", true, "Café talks in Zürich", "/caf\u00e9-talks/"), ("gone", false, "", ""));

        var reader = new CacheReader(entry);
        var links = StoredLinks.ReadIfStillHolding(ref reader, Articles);

        Assert.NotNull(links);
        Assert.Equal([new BodyLink("trade-deal", "Trade deal signed", "/trade-deal/"), new BodyLink("cafe-talks", "Café talks in Zürich", "/caf\u00e9-talks/"), new BodyLink("gone", null, null)], links);
        Assert.Same(Articles["trade-deal"].Title, links[0].Title);
        Assert.Same(Articles["cafe-talks"].Url, links[1].Url);
        Assert.Same(Articles.Keys.First(), links[0].Slug);
        Assert.Equal(entry.Length, reader.Position);
    }

    [Theory]
    [InlineData("trade-deal", true, "Trade deal signed!", "/trade-deal/")]
    [InlineData("trade-deal", true, "Trade deal signed", "/trade-deal-2/")]
    [InlineData("cafe-talks", true, "Cafe talks in Zurich", "/caf\u00e9-talks/")]
    [InlineData("cafe-talks", true, "Café talks in Zürich ", "/caf\u00e9-talks/")]
    [InlineData("trade-deal", false, "", "")]
    [InlineData("moved-away", true, "Moved away", "/moved-away/")]
    public void A_link_whose_article_changed_appeared_or_went_makes_the_body_stale(string slug, bool found, string title, string url)
    {
        var reader = new CacheReader(Entry(("trade-deal", true, "Trade deal signed", "/trade-deal/"), (slug, found, title, url)));

        Assert.Null(StoredLinks.ReadIfStillHolding(ref reader, Articles));
    }

    [Fact]
    public void A_table_without_span_lookups_gives_the_same_answers()
    {
        var table = new SortedDictionary<string, ArticleTarget>(Articles, StringComparer.Ordinal);
        var holding = new CacheReader(Entry(("cafe-talks", true, "Café talks in Zürich", "/caf\u00e9-talks/"), ("gone", false, "", "")));
        var stale = new CacheReader(Entry(("cafe-talks", true, "Café talks", "/caf\u00e9-talks/")));

        Assert.Equal([new BodyLink("cafe-talks", "Café talks in Zürich", "/caf\u00e9-talks/"), new BodyLink("gone", null, null)], StoredLinks.ReadIfStillHolding(ref holding, table)!);
        Assert.Null(StoredLinks.ReadIfStillHolding(ref stale, table));
    }

    [Fact]
    public void Skipping_the_links_lands_where_reading_them_does_and_a_body_without_links_holds()
    {
        var entry = Entry(("trade-deal", true, "Trade deal signed", "/trade-deal/"), (new string('x', 300), false, "", ""));
        var skipped = new CacheReader([.. entry, 42]);
        var none = new CacheReader(Entry());

        StoredLinks.Skip(ref skipped);

        Assert.Equal(42, skipped.ReadByte());
        Assert.Empty(StoredLinks.ReadIfStillHolding(ref none, Articles)!);
        Assert.Throws<FormatException>(() => Read(entry.AsSpan(0, entry.Length - 3).ToArray()));
    }

    private static BodyLink[]? Read(byte[] entry)
    {
        var reader = new CacheReader(entry);
        return StoredLinks.ReadIfStillHolding(ref reader, Articles);
    }

    /// <summary>Links as the body cache writes them at the start of an entry.</summary>
    private static byte[] Entry(params (string Slug, bool Found, string Title, string Url)[] links)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(links.Length);
            foreach (var (slug, found, title, url) in links)
            {
                writer.Write(slug);
                writer.Write(found);
                writer.Write(title);
                writer.Write(url);
            }
        }

        return stream.ToArray();
    }
}
