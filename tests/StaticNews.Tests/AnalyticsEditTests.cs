using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// The data files are the analytics behind the most-read lists: pages depend on those lists, not on the files' bytes. New
/// figures that leave the lists as they were render nothing again; figures that reorder them render the pages showing
/// them. The site's list holds the first popular_count of the ranking, so what happens below them (new figures, a headline
/// fixed) renders only the pages that show it; and every build gives what a cold build gives.
/// </summary>
public sealed class AnalyticsEditTests
{
    private const string Site = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        ---
        Gamma body.
        -- data/analytics.csv --
        path,pageviews
        /,5000
        /a/,300
        /b/,200
        /c/,100
        """;

    [Fact]
    public async Task New_figures_that_keep_the_most_read_in_order_render_no_page_again()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        site.Write("data/analytics.csv", Format(7200, 900, 450, 120));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(0, result.PagesRendered);
        Assert.Empty(Rewritten(before, WriteTimes(site.DefaultOutput)));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task New_figures_that_reorder_the_most_read_show_on_the_pages_listing_them()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        site.Write("data/analytics.csv", Format(7200, 90, 450, 1200));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.PagesRendered > 0);
        var popular = PopularOf(site.ReadOutput("index.html"));
        Assert.True(popular.IndexOf("Gamma culture", StringComparison.Ordinal) < popular.IndexOf("Alpha talks", StringComparison.Ordinal));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_data_file_no_list_comes_from_renders_no_page_again()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        site.Write("data/contacts.yml", "desk: news@example.org\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(0, result.PagesRendered);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task The_most_read_from_popular_yml_follow_its_changes()
    {
        using var site = TempSite.Create(Site);
        site.Delete("data/analytics.csv");
        site.Write("data/popular.yml", "- a\n- b\n");
        await site.BuildAsync();
        site.Write("data/popular.yml", "# Chosen by the desk.\n- a\n- b\n");

        var unchanged = await site.BuildAsync();
        Assert.Equal(0, unchanged.PagesRendered);
        site.Write("data/popular.yml", "- c\n- a\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.PagesRendered > 0);
        Assert.Contains("Gamma culture", PopularOf(site.ReadOutput("b/index.html")), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task New_figures_that_reorder_only_below_the_sites_most_read_render_no_page_again()
    {
        using var site = TempSite.Create(Site);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "popular_count: 1\n");
        await site.BuildAsync();
        // Alpha stays first; Beta and Gamma change places, each still first in its own category's list.
        site.Write("data/analytics.csv", Format(5000, 300, 100, 200));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(0, result.PagesRendered);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_headline_fixed_on_an_article_below_the_sites_most_read_renders_only_the_pages_showing_it()
    {
        using var site = TempSite.Create(Site);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "popular_count: 1\n");
        var first = await site.BuildAsync();
        site.Write("articles/c.md", File.ReadAllText(Path.Combine(site.Root, "articles/c.md")).Replace("Gamma culture", "Gamma culture, revised", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.InRange(result.PagesRendered, 1, first.PagesRendered / 2);
        Assert.Contains("Gamma culture, revised", PopularOf(site.ReadOutput("category/culture/index.html")), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_row_leaving_the_window_below_the_sites_most_read_shows_on_its_category_page()
    {
        using var site = TempSite.Create(Site);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "popular_count: 1\n");
        // Alpha stays first; Beta's only row leaves the window two days on, and with it World's most-read list, not the site's.
        site.Write("data/analytics.csv", "date,path,pageviews\n2026-11-29,/a/,300\n2026-11-23,/b/,200\n2026-11-29,/c/,100\n");
        await site.BuildAsync();
        Assert.Contains("Beta trade", PopularOf(site.ReadOutput("category/world/index.html")), StringComparison.Ordinal);
        var later = new FixedClock(FixedClock.DefaultNow.AddDays(2));

        var result = await site.BuildAsync(o => o with { Clock = later });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.DoesNotContain("Beta trade", PopularOf(site.ReadOutput("category/world/index.html")), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { Clock = later });
    }

    /// <summary>The page's "Most Popular" box.</summary>
    private static string PopularOf(string html)
    {
        var start = html.IndexOf("<section class=\"popular\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no most-read box.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>An export with <paramref name="home"/> views of the home page and those of articles a, b and c.</summary>
    private static string Format(int home, int a, int b, int c) => FormattableString.Invariant($"path,pageviews\n/,{home}\n/a/,{a}\n/b/,{b}\n/c/,{c}\n");
}
