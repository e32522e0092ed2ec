using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Related articles on article pages, built through SiteGenerator.</summary>
public sealed class RelatedArticlesTests
{
    private const string Newsroom = """
        -- articles/envoy.md --
        ---
        title: Envoy arrives
        date: 2026-03-10 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [Talks, Geneva]
        ---
        Text.
        -- articles/same-desk.md --
        ---
        title: Same desk, one tag
        date: 2026-03-09 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [Talks]
        ---
        Text.
        -- articles/two-tags.md --
        ---
        title: Two tags, other desk
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/trade
        tags: [Geneva, Talks]
        ---
        Text.
        -- articles/same-section.md --
        ---
        title: Same section only
        date: 2026-03-11 10:00
        author: jane-doe
        category: world/trade
        ---
        Text.
        -- articles/unrelated.md --
        ---
        title: Unrelated
        date: 2026-03-10 11:00
        author: jane-doe
        category: culture
        ---
        Text.
        """;

    [Fact]
    public async Task Shared_tags_and_the_same_category_score_above_the_same_section_and_ties_go_to_the_closer_date()
    {
        using var site = TempSite.Create(Newsroom);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        // same-desk: tag 3 + category 3 + section 1 = 7, one day away; two-tags: 3 + 3 + section 1 = 7, nine days away; same-section: 1.
        Assert.Equal(["same-desk", "two-tags", "same-section"], RelatedSlugs(result, "envoy"));
        Assert.Empty(RelatedSlugs(result, "unrelated"));
    }

    [Fact]
    public async Task The_article_page_lists_its_related_articles()
    {
        using var site = TempSite.Create(Newsroom);

        await site.BuildAsync();

        var html = site.ReadOutput("envoy/index.html");
        Assert.True(html.IndexOf("Same desk, one tag", StringComparison.Ordinal) < html.IndexOf("Two tags, other desk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Related_count_in_site_yml_limits_the_list()
    {
        using var site = TempSite.Create(Newsroom);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "related_count: 1\n");

        var result = await site.CheckAsync();

        Assert.Equal(["same-desk"], RelatedSlugs(result, "envoy"));
    }

    [Fact]
    public async Task Editors_picks_come_first_and_an_unknown_slug_is_a_warning_at_its_position()
    {
        using var site = TempSite.Create(Newsroom + """

            -- articles/picked.md --
            ---
            title: Picked
            date: 2026-03-12 10:00
            author: jane-doe
            category: world/diplomacy
            tags: [Talks]
            related: [unrelated, no-such-story]
            ---
            Text.
            """);

        var result = await site.CheckAsync();

        Assert.Equal(["unrelated", "envoy", "same-desk", "two-tags"], RelatedSlugs(result, "picked"));
        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.RelatedSlugUnknown, "articles/picked.md", 7, 22);
    }

    [Fact]
    public async Task Equal_scores_and_dates_are_ordered_by_slug_whatever_the_file_order()
    {
        string[] fileOrder = ["c", "a", "d", "b"];
        var block = string.Concat(fileOrder.Select(slug => $"""
            -- articles/{slug}.md --
            ---
            title: Story {slug}
            date: 2026-03-10 10:00
            author: jane-doe
            category: culture
            ---
            Text.

            """));
        using var site = TempSite.Create(block);

        var first = await site.CheckAsync();
        var second = await site.CheckAsync();

        Assert.Equal(["b", "c", "d"], RelatedSlugs(first, "a"));
        Assert.Equal(RelatedSlugs(first, "c"), RelatedSlugs(second, "c"));
        Assert.Equal(["a", "b", "d"], RelatedSlugs(first, "c"));
    }

    [Fact]
    public async Task With_many_articles_on_one_tag_the_candidates_are_the_nearest_in_time()
    {
        var block = string.Concat(Enumerable.Range(1, 60).Select(day => $"""
            -- articles/day-{day:D2}.md --
            ---
            title: Day {day}
            date: 2026-01-01 00:00
            author: jane-doe
            category: culture
            tags: [Daily]
            ---
            Text.

            """.Replace("2026-01-01", new DateTime(2026, 1, 1).AddDays(day - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        using var site = TempSite.Create(block);

        var result = await site.CheckAsync();

        Assert.Equal(["day-29", "day-31", "day-28", "day-32"], RelatedSlugs(result, "day-30"));
    }

    [Fact]
    public async Task Only_the_articles_nearest_in_date_on_each_long_list_are_candidates()
    {
        // 40 daily stories share the tags "Daily" and "Weather" with day-01; "far" shares both too but is a year older,
        // beyond the 16 nearest on either list, so it is never scored although it would tie with the others.
        var block = string.Concat(Enumerable.Range(1, 40).Select(day => Story($"day-{day:D2}", new DateTime(2026, 1, 1).AddDays(day - 1), "[Daily, Weather]")))
            + Story("far", new DateTime(2025, 1, 1), "[Daily, Weather]");
        using var site = TempSite.Create(block);

        var result = await site.CheckAsync();

        Assert.Equal(["day-02", "day-03", "day-04", "day-05"], RelatedSlugs(result, "day-01"));
        Assert.DoesNotContain("far", RelatedSlugs(result, "day-01"));
        Assert.Equal(["day-01", "day-02", "day-03", "day-04"], RelatedSlugs(result, "far"));
    }

    private static string Story(string slug, DateTime date, string tags) => $"""
        -- articles/{slug}.md --
        ---
        title: Story {slug}
        date: {date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}
        author: jane-doe
        category: culture
        tags: {tags}
        ---
        Text.

        """;

    private static List<string> RelatedSlugs(BuildResult result, string slug) =>
        [.. result.Model!.Pages.Single(p => p.Article?.Slug == slug).Related.Select(a => a.Slug)];
}
