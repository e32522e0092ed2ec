using StaticNews.Model;
using StaticNews.Search;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The ranking search.js applies, through its C# mirror, on an index built from a real site build.</summary>
public sealed class SearchRankerTests
{
    private const string Newsroom = """
        -- articles/trade-talks.md --
        ---
        title: Trade talks resume in Zürich
        date: 2026-03-01
        author: jane-doe
        category: world/trade
        tags: [Tariffs]
        summary: Negotiators return to the table.
        ---
        Delegations met for a long day of meetings.
        -- articles/port-opens.md --
        ---
        title: Port opens
        date: 2026-03-05
        author: jane-doe
        category: world/trade
        ---
        The port will handle trade for the region; trade volumes should double.
        -- articles/museum.md --
        ---
        title: Museum reopens
        date: 2026-03-09
        author: jane-doe
        category: culture
        tags: [Museums]
        summary: The café in Zurich is open again.
        ---
        A new exhibit on the history of trade routes, and of tariffs on salt.
        -- articles/salt.md --
        ---
        title: Salt prices
        date: 2026-03-03
        author: jane-doe
        category: world/trade
        ---
        Routes of the salt trade are old.
        """;

    [Fact]
    public async Task Title_tag_and_section_matches_rank_above_body_matches_even_when_the_body_match_is_newer()
    {
        var index = await BuildIndexAsync();

        // Title first; then the two filed under the section "Trade" (newer first); the newest, Museum, only mentions trade in its body.
        Assert.Equal(["Trade talks resume in Zürich", "Port opens", "Salt prices", "Museum reopens"], Titles(index, "trade"));
        Assert.Equal(["Trade talks resume in Zürich", "Museum reopens"], Titles(index, "tariffs"));
    }

    [Fact]
    public void Equal_scores_go_to_the_newer_article()
    {
        var index = SearchIndex.Build(SiteOf(Article("older", "Storm warning", 1), Article("newer", "Storm damage", 5)), d => string.Empty);

        Assert.Equal(["Storm damage", "Storm warning"], Titles(index, "storm"));
    }

    [Fact]
    public async Task Case_and_diacritics_are_folded_on_both_sides()
    {
        var index = await BuildIndexAsync();

        Assert.Equal(["Trade talks resume in Zürich", "Museum reopens"], Titles(index, "ZURICH"));
        Assert.Equal(["Museum reopens"], Titles(index, "cafe"));
        Assert.Equal(["Museum reopens"], Titles(index, "Café"));
    }

    [Fact]
    public async Task A_term_matches_the_words_it_begins_so_results_follow_typing()
    {
        var index = await BuildIndexAsync();

        Assert.Equal(["Museum reopens"], Titles(index, "muse"));
        Assert.Equal(["Trade talks resume in Zürich", "Museum reopens"], Titles(index, "zür"));
        Assert.Empty(Titles(index, "museumz"));
    }

    [Fact]
    public async Task A_whole_word_outranks_a_prefix_in_the_same_field()
    {
        var index = await BuildIndexAsync();

        // "port" is the whole title word of "Port opens"; elsewhere it only begins nothing else in a title.
        Assert.Equal("Port opens", Titles(index, "port")[0]);
    }

    [Fact]
    public async Task Every_term_must_match()
    {
        var index = await BuildIndexAsync();

        Assert.Equal(["Museum reopens"], Titles(index, "trade exhibit"));
    }

    [Fact]
    public async Task A_quoted_phrase_needs_its_words_together_and_in_order()
    {
        var index = await BuildIndexAsync();

        Assert.Equal(["Museum reopens"], Titles(index, "\"trade routes\""));
        Assert.Equal(["Salt prices"], Titles(index, "\"routes of the salt\""));
        Assert.Empty(Titles(index, "\"routes trade\""));
        Assert.Equal(["Trade talks resume in Zürich"], Titles(index, "\"talks resume\""));
    }

    [Fact]
    public async Task Stop_words_alone_find_nothing()
    {
        var index = await BuildIndexAsync();

        Assert.Empty(Titles(index, "the of"));
    }

    private static List<string> Titles(SearchIndex index, string query) =>
        [.. SearchRanker.Rank(index, SearchQuery.Parse(query)).Select(r => r.Document.Title)];

    private static async Task<SearchIndex> BuildIndexAsync()
    {
        using var site = TempSite.Create(Newsroom);
        var result = await site.CheckAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return SearchIndex.Build(result.Model!.Site, d => string.Empty);
    }

    private static Article Article(string slug, string title, int day) => new()
    {
        SourcePath = "articles/" + slug + ".md",
        Slug = slug,
        Title = title,
        Date = new DateTimeOffset(2026, 3, day, 0, 0, 0, TimeSpan.Zero),
        Url = "/" + slug + "/",
    };

    private static Site SiteOf(params Article[] articles) => new()
    {
        Config = new SiteConfig { Title = "T", BaseUrl = "/", BasePath = "/", Language = "en", Culture = System.Globalization.CultureInfo.InvariantCulture, TimeZone = TimeZoneInfo.Utc, ShortName = "T" },
        Articles = [.. articles.OrderByDescending(a => a.Date)],
        Authors = [],
        Categories = [],
        Tags = [],
        Popular = [],
        ArchiveMonths = [],
    };
}
