using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// When nothing but some articles' bodies changed since the last build, the pages and feeds that show none of those bodies keep
/// their previous fingerprints without computing them again; the ones that do show them are rendered again as ever.
/// </summary>
public sealed class BodyOnlyChangeTests
{
    private const string Articles = """
        -- articles/a.md --
        ---
        title: Harbour talks resume
        date: 2026-05-01 09:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        The delegations met again at the harbour office.
        -- articles/b.md --
        ---
        title: Grain corridor reopens
        date: 2026-05-02 09:00
        author: jane-doe
        category: world/trade
        tags: [talks, trade]
        ---
        The first ships left the port at dawn.
        -- articles/c.md --
        ---
        title: Festival fills the old town
        date: 2026-05-03 09:00
        author: jane-doe
        category: culture
        ---
        Musicians from nine countries played until midnight.
        -- templates/home.html --
        {{ lead = page.articles | array.first }}<div id="lead">{{ lead.body }}</div>
        """;

    /// <summary>The site built once with every file dated an hour back, as if checked out well before the build: its stamps are trusted.</summary>
    private static async Task<TempSite> AgedSiteBuiltOnceAsync()
    {
        var site = TempSite.Create(Articles);
        site.AgeFiles(TimeSpan.FromHours(1));
        var first = await site.BuildAsync();
        Assert.True(first.Succeeded);
        return site;
    }

    [Fact]
    public async Task A_body_edit_renders_again_the_pages_and_feeds_showing_that_body_and_keeps_the_other_fingerprints()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var before = WriteTimes(site.DefaultOutput);
        site.EditAged("articles/c.md", "played until midnight.", "played until the small hours.");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.ArticlesUnread);
        Assert.True(result.FingerprintsKept > 0);
        // The home page shows c's body through its template (a body read), the site's feed carries it whole; the sections'
        // feeds carry summaries (front matter only), so the culture feed is kept.
        Assert.Contains("the small hours", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("the small hours", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        Assert.Contains("the small hours", site.ReadOutput("rss.xml"), StringComparison.Ordinal);
        var after = WriteTimes(site.DefaultOutput);
        Assert.Equal(before[Path.Combine("a", "index.html")], after[Path.Combine("a", "index.html")]);
        Assert.Equal(before[Path.Combine("category", "culture", "rss.xml")], after[Path.Combine("category", "culture", "rss.xml")]);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_body_edit_of_the_oldest_article_keeps_every_fingerprint_but_those_of_the_files_showing_it()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        site.EditAged("articles/a.md", "met again at the harbour office.", "met again at the harbour office, then at the town hall.");

        var result = await site.BuildAsync();
        var everyFile = Directory.GetFiles(site.DefaultOutput, "*", SearchOption.AllDirectories).Length;

        Assert.True(result.Succeeded);
        // Its own page, and the home page's second page (two articles a page), whose lead it is.
        Assert.Equal(2, result.PagesRendered);
        Assert.Contains("the town hall", site.ReadOutput(Path.Combine("page", "2", "index.html")), StringComparison.Ordinal);
        Assert.InRange(result.FingerprintsKept, everyFile / 2, everyFile - 1);
        Assert.Contains("the town hall", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        Assert.Contains("the town hall", site.ReadOutput("rss.xml"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("templates/home.html", "<div id=\"lead\">", "<div id=\"lead\" class=\"wide\">")]
    [InlineData("articles/b.md", "title: Grain corridor reopens", "title: Grain corridor reopens at last")]
    [InlineData("site.yml", "page_size: 2", "page_size: 3")]
    public async Task A_body_edit_beside_any_other_change_computes_every_fingerprint_again(string other, string from, string to)
    {
        using var site = await AgedSiteBuiltOnceAsync();
        site.EditAged("articles/c.md", "played until midnight.", "played until the small hours.");
        site.EditAged(other, from, to);

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.FingerprintsKept);
        Assert.Contains("the small hours", site.ReadOutput("index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_page_deleted_from_the_output_is_written_again_by_a_body_edit_that_keeps_its_fingerprint()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        File.Delete(Path.Combine(site.DefaultOutput, "a", "index.html"));
        site.EditAged("articles/c.md", "played until midnight.", "played until the small hours.");

        var result = await site.BuildAsync();

        Assert.True(result.FingerprintsKept > 0);
        Assert.Contains("Harbour talks resume", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }
}
