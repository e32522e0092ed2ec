using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>What each page type of the default theme shows, built through SiteGenerator like a user's build.</summary>
public sealed class ThemePageTests
{
    /// <summary>How many articles a home section shows (SectionBuilder.ArticlesPerSection).</summary>
    private const int SectionCount = 4;

    private const string Newsroom = """
        -- site.yml --
        title: Test Gazette
        description: A site for tests.
        base_url: https://example.org/
        language: en
        time_zone: Europe/London
        short_name: TG
        page_size: 2
        social:
          - name: Mastodon
            url: https://social.example/@gazette
        -- authors/sam-roe.md --
        ---
        name: Sam Roe
        role: Trade Reporter
        avatar: /images/sam.svg
        social:
          - name: X
            url: https://x.com/samroe
        ---
        Sam covers **ports**.
        -- data/popular.yml --
        - trade-deal
        -- articles/talks.md --
        ---
        title: Talks resume in Geneva
        date: 2026-03-19 10:00
        updated: 2026-03-20 09:30
        authors: [jane-doe, sam-roe]
        category: world/diplomacy
        tags: [Talks, Geneva]
        location: Geneva
        summary: Delegations met again.
        image: /images/talks.svg
        image_alt: Delegates around a table
        image_caption: The opening session.
        ---
        Delegations met again on Tuesday.

        {{< also-read trade-deal >}}
        -- articles/trade-deal.md --
        ---
        title: Trade deal signed
        date: 2026-03-18
        author: sam-roe
        category: world/trade
        tags: [Talks]
        ---
        The deal was signed.
        -- articles/older-talks.md --
        ---
        title: Earlier round of talks
        date: 2026-03-10
        author: jane-doe
        category: world/diplomacy
        ---
        An earlier round.
        -- articles/festival.md --
        ---
        title: Film festival opens
        date: 2025-11-02
        author: jane-doe
        category: culture
        ---
        The festival opened.
        """;

    private static async Task<(TempSite Site, BuildResult Result)> BuildNewsroomAsync()
    {
        var site = TempSite.Create(Newsroom);
        var result = await site.BuildAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return (site, result);
    }

    [Fact]
    public async Task A_parent_category_page_lists_its_childrens_articles_and_links_its_subcategories()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var world = site.ReadOutput("category/world/index.html");
        Assert.Contains("<a href=\"/talks/\">Talks resume in Geneva</a>", world, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/trade-deal/\">Trade deal signed</a>", world, StringComparison.Ordinal);
        Assert.Contains("<p class=\"page-description\">News from everywhere.</p>", world, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"subnav\" aria-label=\"Subsections of World\">", world, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/category/world/trade/\">Trade</a></li>", world, StringComparison.Ordinal);

        var trade = site.ReadOutput("category/world/trade/index.html");
        Assert.Contains("Trade deal signed", trade, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/talks/\">", trade, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/category/world/\">World</a></li>", trade, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_navigation_shows_the_category_tree_with_subcategories()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var html = site.ReadOutput("category/world/trade/index.html");
        Assert.Matches("<li class=\"nav-item is-active\">\\s*<a href=\"/category/world/\">World</a>\\s*<ul class=\"nav-sub\">", html);
        Assert.Contains("<a href=\"/category/world/trade/\" aria-current=\"page\">Trade</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/category/culture/\">Culture</a>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<li class=\"nav-item is-active\">\\s*<a href=\"/category/culture/\">", html);

        // An article two levels down marks its top category, and only that one.
        var article = site.ReadOutput("talks/index.html");
        Assert.Matches("<li class=\"nav-item is-active\">\\s*<a href=\"/category/world/\">World</a>", article);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(article, "nav-item is-active"));
        Assert.DoesNotContain("aria-current=\"page\">World<", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_page_has_the_anatomy_of_a_news_article()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var html = site.ReadOutput("talks/index.html");
        Assert.Matches("<li><a href=\"/\">Home</a></li>\\s*<li><a href=\"/category/world/\">World</a></li>\\s*<li><a href=\"/category/world/diplomacy/\">Diplomacy</a></li>", html);
        Assert.Contains("<h1 class=\"headline\">Talks resume in Geneva</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"standfirst\">Delegations met again.</p>", html, StringComparison.Ordinal);
        Assert.Contains("By <a href=\"/author/jane-doe/\">Jane Doe</a> and <a href=\"/author/sam-roe/\">Sam Roe</a>", html, StringComparison.Ordinal);
        Assert.Contains("Published <time datetime=\"2026-03-19T10:00:00+00:00\">19 March 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("Updated <time datetime=\"2026-03-20T09:30:00+00:00\">20 March 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("<span>1 min read</span>", html, StringComparison.Ordinal);
        Assert.Matches("<figure class=\"hero\">\\s*<img src=\"/images/talks.svg\" alt=\"Delegates around a table\">\\s*<figcaption>The opening session.</figcaption>", html);
        Assert.Contains("<span class=\"dateline\">Geneva, 19 March 2026 (TG):</span>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Also Read:</strong> <a href=\"/trade-deal/\">Trade deal signed</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/tag/geneva/\">Geneva</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_page_has_an_author_box_per_author_follow_us_most_popular_related_and_previous()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var html = site.ReadOutput("talks/index.html");
        Assert.Equal(2, html.Split("<div class=\"author-box\">").Length - 1);
        Assert.Contains("About the authors", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"author-role\">Trade Reporter</p>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"author-bio\"><p>Sam covers <strong>ports</strong>.</p></div>", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"avatar\" src=\"/images/sam.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://example.com/jane\">Website</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://x.com/samroe\">X</a></li>", html, StringComparison.Ordinal);
        Assert.Matches("<h2 class=\"aside-heading\">Follow us</h2>\\s*<ul class=\"social-links\">\\s*<li><a href=\"https://social.example/@gazette\">Mastodon</a></li>", html);
        Assert.Matches("<h2 class=\"aside-heading\">Most Popular</h2>\\s*<ol>\\s*<li><a href=\"/trade-deal/\">Trade deal signed</a></li>", html);
        Assert.Matches("<section class=\"related\"[^>]*>[\\s\\S]*<a href=\"/trade-deal/\">Trade deal signed</a>[\\s\\S]*</section>", html);
        Assert.Contains("<a class=\"prev-next-link prev\" href=\"/older-talks/\"><span class=\"prev-next-label\">Previous in Diplomacy</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("prev-next-link next", html, StringComparison.Ordinal);
        Assert.Contains("prev-next-link next\" href=\"/talks/\"", site.ReadOutput("older-talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_has_a_lead_story_the_latest_and_a_section_per_top_category()
    {
        var (site, result) = await BuildNewsroomAsync();
        using var _site = site;

        Assert.Equal(["world", "culture"], result.Model!.Site.Sections.Select(s => s.Category.Path));
        Assert.Equal(["talks", "trade-deal", "older-talks"], result.Model.Site.Sections[0].Articles.Select(a => a.Slug));
        var html = site.ReadOutput("index.html");
        Assert.Matches("<article class=\"lead-story\">[\\s\\S]*<h2 class=\"lead-title\"><a href=\"/talks/\">Talks resume in Geneva</a></h2>", html);
        Assert.Matches("<div class=\"card-grid lead-secondary\">\\s*<article class=\"card\">[\\s\\S]*<h3 class=\"card-title\"><a href=\"/trade-deal/\">Trade deal signed</a></h3>", html);
        Assert.Matches("<nav class=\"pager\" aria-label=\"Pages\">[\\s\\S]*<a rel=\"next\" href=\"/page/2/\">", html);
        Assert.Contains("<h2 class=\"section-heading\" id=\"section-world\"><a href=\"/category/world/\">World</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"section-heading\" id=\"section-culture\"><a href=\"/category/culture/\">Culture</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("More in World (3)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lead-story", site.ReadOutput("page/2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_sections_keep_only_the_newest_articles_of_each_top_category()
    {
        var articles = string.Concat(Enumerable.Range(1, SectionCount + 2).Select(i => $"""
            -- articles/s{i}.md --
            ---
            title: Story {i}
            date: 2026-01-{i:D2}
            author: jane-doe
            category: world/trade
            ---

            """));
        using var site = TempSite.Create(articles);

        var result = await site.CheckAsync();

        var section = Assert.Single(result.Model!.Site.Sections);
        Assert.Equal(SectionCount + 2, section.TotalCount);
        Assert.Equal(Enumerable.Range(3, SectionCount).Reverse().Select(i => $"s{i}"), section.Articles.Select(a => a.Slug));
    }

    [Fact]
    public async Task An_author_page_shows_the_profile_and_the_authors_articles()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var html = site.ReadOutput("author/sam-roe/index.html");
        Assert.Contains("<h1>Sam Roe</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"avatar avatar-large\" src=\"/images/sam.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"author-role\">Trade Reporter</p>", html, StringComparison.Ordinal);
        Assert.Contains("Sam covers <strong>ports</strong>.", html, StringComparison.Ordinal);
        Assert.Contains("Articles by Sam Roe <span class=\"count\">(2)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/trade-deal/\">Trade deal signed</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Film festival opens</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_pages_list_their_articles_and_the_tags_index_counts_them()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var tag = site.ReadOutput("tag/talks/index.html");
        Assert.Contains("<h1>Talks</h1>", tag, StringComparison.Ordinal);
        Assert.Contains("2 articles on this topic.", tag, StringComparison.Ordinal);
        var index = site.ReadOutput("tags/index.html");
        Assert.Contains("<li><a href=\"/tag/talks/\">Talks</a> <span class=\"count\">2<span class=\"visually-hidden\"> articles</span></span></li>", index, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/tag/geneva/\">Geneva</a> <span class=\"count\">1<span class=\"visually-hidden\"> article</span></span></li>", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archive_groups_months_by_year_and_each_month_lists_its_articles()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var index = site.ReadOutput("archive/index.html");
        Assert.Matches("<h2 id=\"archive-2026\"><a href=\"/archive/2026/\">2026</a>[\\s\\S]*<li class=\"is-empty\">February</li>\\s*<li><a href=\"/archive/2026/03/\">March <span class=\"count\">3[\\s\\S]*<h2 id=\"archive-2025\"><a href=\"/archive/2025/\">2025</a>[\\s\\S]*<li><a href=\"/archive/2025/11/\">November", index);
        var month = site.ReadOutput("archive/2025/11/index.html");
        Assert.Contains("<h1>November 2025</h1>", month, StringComparison.Ordinal);
        Assert.Contains("Film festival opens", month, StringComparison.Ordinal);
        Assert.DoesNotContain("Trade deal signed", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_not_found_page_links_home_and_lists_the_latest_stories()
    {
        var (site, _) = await BuildNewsroomAsync();
        using var _site = site;

        var html = site.ReadOutput("404.html");
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">front page</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/talks/\">Talks resume in Geneva</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_without_articles_still_renders_every_page_type()
    {
        using var site = TempSite.Create(string.Empty);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Nothing has been published yet.", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("Nothing has been published yet.", site.ReadOutput("archive/index.html"), StringComparison.Ordinal);
        Assert.Contains("No article has tags yet.", site.ReadOutput("tags/index.html"), StringComparison.Ordinal);
        Assert.Empty(result.Model!.Site.Sections);
        Assert.Equal(PageKind.NotFound, result.Model.Pages.Single(p => p.OutputPath == "404.html").Kind);
    }

    [Fact]
    public async Task An_also_read_link_to_a_draft_is_an_unknown_slug_at_its_line_and_column()
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

              {{< also-read unpublished >}}
            -- articles/unpublished.md --
            ---
            title: Not yet
            date: 2026-01-02
            author: jane-doe
            category: world
            draft: true
            ---
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.AlsoReadUnknown, "articles/a.md", 9, 3);
        var withDrafts = await site.CheckAsync(o => o with { IncludeDrafts = true });
        Assert.DoesNotContain(withDrafts.Diagnostics, d => d.Code == DiagnosticCodes.AlsoReadUnknown.Code);
    }
}
