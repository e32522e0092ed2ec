using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class BuildTests
{
    private const string TwoArticles = """
        -- articles/world/talks.md --
        ---
        title: Talks resume in Geneva
        date: 2026-03-19 10:00
        authors: [jane-doe]
        category: world/diplomacy
        tags: [Talks, Geneva]
        location: Geneva
        summary: Delegations met again.
        ---
        Delegations met again on Tuesday.

        {{< also-read trade-deal >}}
        -- articles/world/trade-deal.md --
        ---
        title: Trade deal signed
        date: 2026-03-18
        author: jane-doe
        category: world/trade
        ---
        The deal was signed.
        """;

    [Fact]
    public async Task A_build_writes_a_page_per_article_author_category_and_a_home_page()
    {
        using var site = TempSite.Create(TwoArticles);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(site.OutputExists("index.html"));
        Assert.True(site.OutputExists("talks/index.html"));
        Assert.True(site.OutputExists("trade-deal/index.html"));
        Assert.True(site.OutputExists("author/jane-doe/index.html"));
        Assert.True(site.OutputExists("category/world/index.html"));
        Assert.True(site.OutputExists("category/world/diplomacy/index.html"));
        Assert.True(site.OutputExists("tag/geneva/index.html"));
        Assert.True(site.OutputExists("assets/css/site.css"));
    }

    [Fact]
    public async Task Feeds_sitemaps_and_the_search_index_are_staged_before_any_page_renders()
    {
        using var site = TempSite.Create(TwoArticles);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var result = await site.BuildAsync(o => o with
        {
            BeforeFileWrite = (path, _) =>
            {
                order.Enqueue(path);
                return ValueTask.CompletedTask;
            },
        });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var written = order.ToList();
        var generated = new[] { "rss.xml", "atom.xml", "feed.json", "sitemap.xml", "search/docs/0.json" };
        Assert.All(generated, path => Assert.Contains(path, written));
        var lastGenerated = written.FindLastIndex(path => path.EndsWith(".xml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal));
        var firstPage = written.FindIndex(path => path.EndsWith(".html", StringComparison.Ordinal));
        Assert.True(lastGenerated < firstPage, $"a generated file ({written[lastGenerated]}) was written after a page ({written[firstPage]}): it was held in memory while pages rendered");
    }

    [Fact]
    public async Task The_dateline_opens_the_first_paragraph()
    {
        using var site = TempSite.Create(TwoArticles);

        await site.BuildAsync();

        var html = site.ReadOutput("talks/index.html");
        Assert.Contains("<p><span class=\"dateline\">Geneva, 19 March 2026 (TG):</span> Delegations met again", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Background\n\nDelegations met.", "<p><span class=\"dateline\">Geneva, 19 March 2026 (TG):</span></p>\n<h2 id=\"background\">Background</h2>")]
    [InlineData("{.lead}\nDelegations met.", "<p class=\"lead\"><span class=\"dateline\">Geneva, 19 March 2026 (TG):</span> Delegations met.</p>")]
    public async Task A_body_opening_otherwise_than_with_a_plain_paragraph_still_gets_its_dateline_first(string body, string expected)
    {
        using var site = TempSite.Create($"""
            -- articles/world/talks.md --
            ---
            title: Talks resume in Geneva
            date: 2026-03-19 10:00
            author: jane-doe
            category: world/diplomacy
            location: Geneva
            ---
            {body}
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains(expected, site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Also_read_links_to_the_named_article_by_title()
    {
        using var site = TempSite.Create(TwoArticles);

        await site.BuildAsync();

        Assert.Contains("<strong>Also Read:</strong> <a href=\"/trade-deal/\">Trade deal signed</a>", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_category_lists_its_childrens_articles()
    {
        using var site = TempSite.Create(TwoArticles);

        var result = await site.BuildAsync();

        var world = result.Model!.Pages.Single(p => p.Kind == Model.PageKind.Category && p.Category?.Path == "world");
        Assert.Equal(["talks", "trade-deal"], world.Articles.Select(a => a.Slug));
        var trade = result.Model.Pages.Single(p => p.Kind == Model.PageKind.Category && p.Category?.Path == "world/trade");
        Assert.Equal(["trade-deal"], trade.Articles.Select(a => a.Slug));
    }

    [Fact]
    public async Task A_build_with_errors_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TempSite.Create(TwoArticles);
        await site.BuildAsync();
        var before = Snapshotting.Folder(site.DefaultOutput);
        site.Write("articles/broken.md", "---\ntitle: Broken\n---\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(before, Snapshotting.Folder(site.DefaultOutput));
    }

    [Fact]
    public async Task Drafts_are_left_out_unless_asked_for()
    {
        using var site = TempSite.Create(TwoArticles + "\n" + """
            -- articles/draft.md --
            ---
            title: Not yet
            date: 2026-03-20
            author: jane-doe
            category: world
            draft: true
            ---
            """);

        var normal = await site.CheckAsync();
        var withDrafts = await site.CheckAsync(o => o with { IncludeDrafts = true });

        Assert.DoesNotContain(normal.Model!.Site.Articles, a => a.Slug == "draft");
        Assert.Contains(withDrafts.Model!.Site.Articles, a => a.Slug == "draft");
    }

    [Fact]
    public async Task Articles_dated_after_the_clock_are_left_out_unless_future_is_asked_for()
    {
        using var site = TempSite.Create(TwoArticles + "\n" + """
            -- articles/tomorrow.md --
            ---
            title: Tomorrow
            date: 2026-11-30 08:00
            author: jane-doe
            category: world
            ---
            """);

        var normal = await site.CheckAsync();
        var future = await site.CheckAsync(o => o with { IncludeFuture = true });

        Assert.DoesNotContain(normal.Model!.Site.Articles, a => a.Slug == "tomorrow");
        Assert.Contains(future.Model!.Site.Articles, a => a.Slug == "tomorrow");
    }

    [Fact]
    public async Task An_unknown_also_read_slug_is_an_error_at_its_line_and_column()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2026-01-01
            author: jane-doe
            category: world
            ---
            First paragraph.

            {{< also-read no-such-article >}}
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.AlsoReadUnknown, "articles/a.md", 9, 1);
    }

    [Fact]
    public async Task Extra_front_matter_keys_reach_the_model()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2026-01-01
            author: jane-doe
            category: world
            sponsor: Example Foundation
            ---
            """);

        var result = await site.CheckAsync();

        Assert.Equal("Example Foundation", result.Model!.Site.Articles[0].Extras["sponsor"]);
    }

    [Fact]
    public async Task A_site_path_base_url_prefixes_every_link()
    {
        using var site = TempSite.Create(TwoArticles);

        await site.BuildAsync(o => o with { BaseUrl = "https://example.org/news/" });

        var html = site.ReadOutput("talks/index.html");
        Assert.Contains("href=\"/news/trade-deal/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/author/jane-doe/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/news/talks/\"", html, StringComparison.Ordinal);
    }
}
