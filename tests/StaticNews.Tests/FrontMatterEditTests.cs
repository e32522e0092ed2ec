using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A change to one article's front matter that leaves the site's lists as they were (a headline fixed, a summary, a
/// correction) renders again only the pages that read that article, and gives what a cold build gives.
/// </summary>
public sealed class FrontMatterEditTests
{
    private const string Articles = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        summary: Envoys meet.
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        tags: [trade]
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Gamma body.
        -- articles/d.md --
        ---
        title: Delta culture
        date: 2026-03-04 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Delta body.
        -- articles/e.md --
        ---
        title: Epsilon trade
        date: 2026-03-05 10:00
        author: jane-doe
        category: world/trade
        tags: [trade]
        ---
        Epsilon body.
        -- articles/f.md --
        ---
        title: Zeta culture
        date: 2026-03-06 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Zeta body.
        """;

    private const string AlphaFrontMatter = "title: Alpha talks\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\nsummary: Envoys meet.\n";

    private static string Alpha(string frontMatter) => "---\n" + frontMatter + "---\nAlpha body.\n";

    [Fact]
    public async Task A_headline_fixed_renders_again_only_the_pages_that_show_the_article()
    {
        using var site = TempSite.Create(Articles);
        var first = await site.BuildAsync();
        var pages = first.PagesRendered;
        site.Write("articles/a.md", Alpha(AlphaFrontMatter.Replace("title: Alpha talks", "title: Alpha talks resume", StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        // Its page and its neighbour's (previous and next link), the listings that show it (the last pages of home and latest,
        // its category and its parent, its tag, its author, its month and year): not the other articles and listings.
        Assert.InRange(result.PagesRendered, 2, pages / 2);
        foreach (var shown in new[] { "a/index.html", "category/world/diplomacy/index.html", "tag/talks/index.html" })
        {
            Assert.Contains("Alpha talks resume", site.ReadOutput(shown), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Alpha talks", site.ReadOutput("f/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("summary: Envoys meet.", "summary: Envoys meet again.")]
    [InlineData("summary: Envoys meet.\n", "summary: Envoys meet.\ncorrections:\n  - date: 2026-03-02 09:00\n    note: An earlier version misnamed the envoy.\n")]
    [InlineData("summary: Envoys meet.\n", "summary: Envoys meet.\nupdated: 2026-03-02 12:00\n")]
    [InlineData("summary: Envoys meet.\n", "summary: Envoys meet.\nlocation: Geneva\n")]
    [InlineData("summary: Envoys meet.\n", "summary: Envoys meet.\nkicker: Exclusive\n")]
    public async Task Any_other_front_matter_change_that_keeps_the_lists_gives_what_a_cold_build_gives(string before, string after)
    {
        using var site = TempSite.Create(Articles);
        // The neighbours show what a theme may show of the article beside them; the card its kicker.
        site.Write("templates/partials/author-box.html", "{{ if page.next }}<p class=\"next\">{{ page.next.summary }} {{ page.next.extras.kicker }} {{ page.next.last_modified }} {{ page.next.dateline }}</p>{{ end }}\n");
        await site.BuildAsync();
        site.Write("articles/a.md", Alpha(AlphaFrontMatter.Replace(before, after, StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.PagesRendered > 0, "nothing was rendered again");
        await AssertSameAsColdBuildAsync(site);
    }

    /// <summary>
    /// Ways a theme shows an article other than reading its members one by one. Each is the only way the page shows the
    /// oldest article (no related lists; a tag page listing others), and must make the page depend on it.
    /// </summary>
    [Theory]
    [InlineData("templates/tag.html", "{{ site.articles | array.last }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.last | object.to_json }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.last | object.values | array.join ' ' }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.map 'title' | array.join ', ' }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.sort 'title' | array.first | object.to_json }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.join ' | ' }}")]
    [InlineData("templates/tag.html", "{{ site.articles | array.last | string.size }}")]
    [InlineData("templates/partials/author-box.html", "{{ page }}")]
    public async Task A_page_showing_an_article_however_its_template_reaches_it_is_rendered_again_when_the_article_changes(string template, string shown)
    {
        using var site = TempSite.Create(Articles);
        site.Write("site.yml", "title: Test Gazette\nbase_url: https://example.org/\ntime_zone: Europe/London\npage_size: 2\nrelated_count: 0\n");
        site.Write(template, "<pre class=\"shown\">" + shown + "</pre>\n");
        await site.BuildAsync();
        var before = site.ReadOutput(template.EndsWith("tag.html", StringComparison.Ordinal) ? "tag/arts/index.html" : "b/index.html");
        site.Write("articles/a.md", Alpha(AlphaFrontMatter.Replace("title: Alpha talks", "title: Alpha talks resume", StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.DoesNotContain("Alpha talks resume", before, StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_date_change_that_moves_the_article_renders_again_every_listing_it_leaves_or_joins()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("articles/a.md", Alpha(AlphaFrontMatter.Replace("2026-03-01 10:00", "2026-03-07 10:00", StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        Assert.Contains("Alpha talks", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.True(result.PagesRendered > 0, "nothing was rendered again");
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_headline_shown_on_every_page_renders_every_page_again()
    {
        using var site = TempSite.Create(Articles);
        site.Write("templates/partials/footer.html", "<footer>Oldest: {{ (site.articles | array.last).title }}</footer>\n");
        var first = await site.BuildAsync();
        site.Write("articles/a.md", Alpha(AlphaFrontMatter.Replace("title: Alpha talks", "title: Alpha talks resume", StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        Assert.Equal(first.PagesRendered, result.PagesRendered);
        Assert.Contains("Oldest: Alpha talks resume", site.ReadOutput("f/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }
}
