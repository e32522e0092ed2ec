using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The latest page, year archives and the breaking-news banner, built through SiteGenerator.</summary>
public sealed class TopicPagesTests
{
    private const string Newsroom = """
        -- articles/flood.md --
        ---
        title: Flood warning issued
        date: 2026-11-29 09:30
        author: jane-doe
        category: world
        breaking: true
        ---
        Text.
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-11-20
        author: jane-doe
        category: world/diplomacy
        ---
        Text.
        -- articles/museum.md --
        ---
        title: Museum reopens
        date: 2025-06-03
        author: jane-doe
        category: culture
        ---
        Text.
        """;

    [Fact]
    public async Task A_breaking_article_gets_a_home_banner_while_younger_than_breaking_hours()
    {
        using var site = TempSite.Create(Newsroom);

        // 09:30 London is 09:30 UTC in November; the clock says 12:00 UTC, so the story is 2.5 hours old.
        var result = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) });

        Assert.Equal(["flood"], result.Model!.Site.Breaking.Select(a => a.Slug));
        var home = site.ReadOutput("index.html");
        Assert.Contains("<p class=\"breaking-banner\" role=\"status\"><strong>Breaking</strong> <a href=\"/flood/\">Flood warning issued</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("breaking-banner", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_banner_is_gone_once_the_article_is_older_than_breaking_hours()
    {
        using var site = TempSite.Create(Newsroom);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "breaking_hours: 2\n");

        var result = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) });

        Assert.Empty(result.Model!.Site.Breaking);
        Assert.DoesNotContain("breaking-banner", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_rebuild_after_the_window_takes_the_banner_down()
    {
        using var site = TempSite.Create(Newsroom);
        await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) });
        Assert.Contains("breaking-banner", site.ReadOutput("index.html"), StringComparison.Ordinal);

        var later = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero)) });

        Assert.False(later.UpToDate);
        Assert.DoesNotContain("breaking-banner", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_window_is_six_hours()
    {
        using var site = TempSite.Create(Newsroom);

        var inside = await site.CheckAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 15, 29, 0, TimeSpan.Zero)) });
        var outside = await site.CheckAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 15, 30, 0, TimeSpan.Zero)) });

        Assert.Single(inside.Model!.Site.Breaking);
        Assert.Empty(outside.Model!.Site.Breaking);
    }

    [Fact]
    public async Task The_latest_page_lists_every_article_newest_first_and_paginates()
    {
        using var site = TempSite.Create(Newsroom);

        var result = await site.BuildAsync(o => o with { Clock = new FixedClock(FixedClock.DefaultNow) });

        var latest = result.Model!.Pages.Where(p => p.Kind == PageKind.Latest).ToList();
        Assert.Equal(["/latest/", "/latest/page/2/"], latest.Select(p => p.Url));
        Assert.Equal(["flood", "talks"], latest[0].Articles.Select(a => a.Slug));
        var html = site.ReadOutput("latest/index.html");
        Assert.Contains("<h1>Latest news</h1>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Flood warning issued", StringComparison.Ordinal) < html.IndexOf("Talks resume", StringComparison.Ordinal));
        Assert.Contains("Museum reopens", site.ReadOutput("latest/page/2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_page_lists_the_years_articles_under_a_grid_of_its_twelve_months()
    {
        using var site = TempSite.Create(Newsroom);

        await site.BuildAsync(o => o with { Clock = new FixedClock(FixedClock.DefaultNow) });

        var year = site.ReadOutput("archive/2026/index.html");
        Assert.Contains("<h1>2026</h1>", year, StringComparison.Ordinal);
        Assert.Contains("Flood warning issued", year, StringComparison.Ordinal);
        Assert.DoesNotContain("Museum reopens", year, StringComparison.Ordinal);
        Assert.Contains("<li class=\"is-empty\">January</li>", year, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/archive/2026/11/\">November <span class=\"count\">2", year, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/archive/2026/\" aria-current=\"page\">2026</a>", year, StringComparison.Ordinal);
        var month = site.ReadOutput("archive/2026/11/index.html");
        Assert.Contains("<a href=\"/archive/2026/11/\" aria-current=\"page\">November", month, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/archive/2025/\">2025</a>", site.ReadOutput("archive/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_search_box_submits_to_the_search_page_which_explains_it_needs_javascript()
    {
        using var site = TempSite.Create(Newsroom);

        await site.BuildAsync();

        var home = site.ReadOutput("index.html");
        Assert.Contains("<form class=\"search-box\" role=\"search\" action=\"/search/\" method=\"get\">", home, StringComparison.Ordinal);
        Assert.Contains("<label for=\"site-search\" class=\"visually-hidden\">Search Test Gazette</label>", home, StringComparison.Ordinal);
        var search = site.ReadOutput("search/index.html");
        Assert.Contains("needs JavaScript", search, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/archive/\">archive</a>", search, StringComparison.Ordinal);
        Assert.Matches(HtmlText.SearchScriptPattern, search);
        Assert.True(site.OutputExists("assets/js/search.js"));
        Assert.True(site.OutputExists("search/meta.json"));
    }

    [Fact]
    public async Task With_relative_urls_the_search_form_and_script_are_relative_to_the_page()
    {
        using var site = TempSite.Create(Newsroom);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "relative_urls: true\n");

        await site.BuildAsync();

        Assert.Contains("<form class=\"search-box\" role=\"search\" action=\"search/\" method=\"get\">", site.ReadOutput("index.html"), StringComparison.Ordinal);
        var search = site.ReadOutput("search/index.html");
        Assert.Contains("<script src=\"../assets/js/search.js\" defer></script>", search, StringComparison.Ordinal);
        Assert.Contains("action=\"../search/\"", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }
}
