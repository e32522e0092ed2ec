using System.Globalization;
using System.Text;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Listing boundaries with the test site's page size of 2: page 1 has no suffix, later pages live at /page/N/ and link with rel prev/next.</summary>
public sealed class PaginationTests
{
    private static string Articles(int count, string category = "world/diplomacy")
    {
        var block = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            block.Append(CultureInfo.InvariantCulture, $"""
                -- articles/story-{i:D2}.md --
                ---
                title: Story {i:D2}
                date: 2026-03-{i:D2} 10:00
                author: jane-doe
                category: {category}
                ---
                Text {i}.

                """);
        }

        return block.ToString();
    }

    private static IReadOnlyList<Page> ListingPages(BuildResult result, PageKind kind, string firstUrl) =>
        [.. result.Model!.Pages.Where(p => p.Kind == kind && p.Pager?.FirstUrl == firstUrl).OrderBy(p => p.Pager!.PageNumber)];

    [Fact]
    public async Task An_empty_category_still_has_one_page_without_pager_or_rel_links()
    {
        using var site = TempSite.Create(Articles(1));

        var result = await site.BuildAsync();

        var pages = ListingPages(result, PageKind.Category, "/category/culture/");
        Assert.Single(pages);
        Assert.Equal((1, 0), (pages[0].Pager!.PageCount, pages[0].Pager!.TotalItems));
        var html = site.ReadOutput("category/culture/index.html");
        Assert.Contains("Nothing has been published here yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.False(site.OutputExists("category/culture/page/2/index.html"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Up_to_one_page_of_articles_makes_a_single_page(int count)
    {
        using var site = TempSite.Create(Articles(count));

        var result = await site.BuildAsync();

        var pages = ListingPages(result, PageKind.Category, "/category/world/diplomacy/");
        Assert.Single(pages);
        Assert.Equal(count, pages[0].Articles.Count);
        var html = site.ReadOutput("category/world/diplomacy/index.html");
        Assert.DoesNotContain("class=\"pager\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.False(site.OutputExists("category/world/diplomacy/page/2/index.html"));
    }

    [Fact]
    public async Task One_more_than_a_page_makes_a_second_page_linked_both_ways()
    {
        using var site = TempSite.Create(Articles(3));

        var result = await site.BuildAsync();

        var pages = ListingPages(result, PageKind.Category, "/category/world/diplomacy/");
        Assert.Equal(["/category/world/diplomacy/", "/category/world/diplomacy/page/2/"], pages.Select(p => p.Url));
        Assert.Equal([2, 1], pages.Select(p => p.Articles.Count));
        Assert.All(pages, p => Assert.Equal((2, 3), (p.Pager!.PageCount, p.Pager.TotalItems)));

        var first = site.ReadOutput("category/world/diplomacy/index.html");
        Assert.Contains("<link rel=\"next\" href=\"/category/world/diplomacy/page/2/\">", first, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"/category/world/diplomacy/page/2/\">", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/category/world/diplomacy/\" aria-current=\"page\" aria-label=\"Page 1\">1</a>", first, StringComparison.Ordinal);

        var second = site.ReadOutput("category/world/diplomacy/page/2/index.html");
        Assert.Contains("<link rel=\"prev\" href=\"/category/world/diplomacy/\">", second, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"/category/world/diplomacy/\">", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/category/world/diplomacy/page/2/\" aria-current=\"page\" aria-label=\"Page 2\">2</a>", second, StringComparison.Ordinal);
        Assert.Contains("<title>Diplomacy – page 2 | Test Gazette</title>", second, StringComparison.Ordinal);
        Assert.Contains("Story 01", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Story 03", second, StringComparison.Ordinal);
        Assert.False(site.OutputExists("category/world/diplomacy/page/1/index.html"));
    }

    [Fact]
    public async Task A_long_list_shows_first_last_and_neighbouring_page_numbers_with_gaps()
    {
        using var site = TempSite.Create(Articles(12));

        var result = await site.BuildAsync();

        var home = ListingPages(result, PageKind.Home, "/");
        Assert.Equal(6, home.Count);
        Assert.Equal([1, 2, 3, 6], home[0].Pager!.Pages.Select(p => p.Number));
        Assert.Equal([1, 2, 3, 4, 5, 6], home[3].Pager!.Pages.Select(p => p.Number));
        Assert.Equal("/page/6/", home[5].Url);
        var first = site.ReadOutput("index.html");
        Assert.Contains("<li class=\"pager-gap\" aria-hidden=\"true\">…</li>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/page/6/\" aria-label=\"Page 6\">6</a>", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_tag_and_archive_listings_are_paginated_too()
    {
        using var site = TempSite.Create(Articles(3).Replace("category: world/diplomacy", "category: world/diplomacy\ntags: [Talks]", StringComparison.Ordinal));

        await site.BuildAsync();

        Assert.True(site.OutputExists("author/jane-doe/page/2/index.html"));
        Assert.True(site.OutputExists("tag/talks/page/2/index.html"));
        Assert.True(site.OutputExists("archive/2026/03/page/2/index.html"));
        Assert.Contains("<link rel=\"prev\" href=\"/tag/talks/\">", site.ReadOutput("tag/talks/page/2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pager_links_carry_the_base_path_of_a_site_served_under_a_sub_path()
    {
        using var site = TempSite.Create(Articles(3));

        await site.BuildAsync(o => o with { BaseUrl = "https://example.org/news/" });

        var first = site.ReadOutput("category/world/diplomacy/index.html");
        Assert.Contains("<link rel=\"next\" href=\"/news/category/world/diplomacy/page/2/\">", first, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"prev\" href=\"/news/\">", site.ReadOutput("page/2/index.html"), StringComparison.Ordinal);
    }
}
