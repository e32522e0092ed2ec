using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A page depends on the site's lists it read (the latest articles, tags, archive, sections…), not on all of them: an article
/// added renders again the pages whose lists it joins, not the other articles' pages, and gives what a cold build gives.
/// </summary>
public sealed class SiteListReadTests
{
    private const string Articles = """
        -- site.yml --
        title: Test Gazette
        base_url: https://example.org/
        time_zone: Europe/London
        page_size: 2
        related_count: 0
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
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
        """;

    private const string Added = "---\ntitle: Zeta zither\ndate: 2026-04-06 10:00\nauthor: jane-doe\ncategory: culture\ntags: [zither, arts]\n---\nZeta body.\n";

    [Fact]
    public async Task An_article_added_renders_again_the_pages_whose_lists_it_joins_and_not_the_other_articles()
    {
        using var site = TempSite.Create(Articles);
        var first = await site.BuildAsync();
        site.Write("articles/f.md", Added);

        var result = await site.BuildAsync();

        // Its own page and its neighbour's (d links to it as next in culture), the listings, tags, archive and 404 page: not
        // the pages of a, b, c and e.
        Assert.InRange(result.PagesRendered, 2, first.PagesRendered + 1 - 4);
        Assert.Contains("Zeta zither", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("Zeta zither", site.ReadOutput("d/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_article_added_changes_the_inputs_of_only_the_feeds_it_joins()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        var before = BuildCache.Load(site.DefaultCache)!.PageFingerprints;
        site.Write("articles/f.md", Added);

        await site.BuildAsync();

        var after = BuildCache.Load(site.DefaultCache)!.PageFingerprints;
        // The site's, its section's, its author's and its tags' feeds, in three formats each; not the other tags' or sections'.
        foreach (var joined in new[] { "rss.xml", "category/culture/rss.xml", "author/jane-doe/rss.xml", "tag/arts/atom.xml" })
        {
            Assert.NotEqual(before[joined], after[joined]);
        }

        Assert.True(after.ContainsKey("tag/zither/feed.json"));
        foreach (var other in new[] { "tag/talks/rss.xml", "tag/trade/atom.xml", "category/world/trade/feed.json", "category/world/rss.xml" })
        {
            Assert.Equal(before[other], after[other]);
        }

        await AssertSameAsColdBuildAsync(site);
    }

    /// <summary>
    /// Ways a theme reads the site's lists on the article pages. An article added changes what each shows on every article's
    /// page, so each must make those pages depend on the list.
    /// </summary>
    [Theory]
    [InlineData("{{ site.tags | array.size }} tags")]
    [InlineData("{{ for entry in site.tags }}{{ entry.tag.name }} {{ entry.count }}; {{ end }}")]
    [InlineData("{{ site.articles | array.first | object.to_json }}")]
    [InlineData("{{ (site.archive_months | array.first).name }}")]
    [InlineData("{{ site.archive_years | array.size }} {{ (site.archive_years | array.first).count }}")]
    [InlineData("{{ for section in site.sections }}{{ section.total_count }}{{ end }}")]
    [InlineData("{{ site['articles'] | array.size }}")]
    [InlineData("{{ for value in (site | object.values) }}{{ if value | object.typeof == 'array' }}{{ value | array.size }} {{ end }}{{ end }}")]
    [InlineData("{{ include 'partials/counted.html' }}")]
    public async Task An_article_page_showing_a_list_however_its_template_reaches_it_is_rendered_again_when_the_list_changes(string shown)
    {
        using var site = TempSite.Create(Articles);
        // A partial of the site's own, rendered once for every page that includes it, through the partial memo.
        site.Write("templates/partials/counted.html", "{{ site.articles.size }} articles, {{ site.tags.size }} tags");
        site.Write("templates/partials/author-box.html", "<pre class=\"shown\">" + shown + "</pre>\n");
        await site.BuildAsync();
        var before = site.ReadOutput("a/index.html");
        site.Write("articles/f.md", Added);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.NotEqual(before, site.ReadOutput("a/index.html"));
        await AssertSameAsColdBuildAsync(site);
    }
}
