using StaticNews.Building;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>A permalink pattern gives each article its URL: every token, the site's time zone, and text around tokens.</summary>
public sealed class PermalinkPatternTests
{
    private static readonly Category Europe = new() { Path = "world/europe", Slug = "europe", Name = "Europe", Url = "/category/world/europe/" };

    /// <summary>Half an hour before midnight UTC on 31 March: already 1 April in a zone five hours ahead.</summary>
    private static readonly DateTimeOffset LateOnTheLastOfMarch = new(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo FiveHoursAhead = TimeZoneInfo.CreateCustomTimeZone("UTC+5", TimeSpan.FromHours(5), "UTC+5", "UTC+5");

    [Theory]
    [InlineData("/:slug/", "talks-resume/")]
    [InlineData("/:year/:month/:day/:slug/", "2026/04/01/talks-resume/")]
    [InlineData("/:section/:category/:slug/", "world/world/europe/talks-resume/")]
    [InlineData("/news/:year-:month/:slug_full/", "news/2026-04/talks-resume_full/")]
    [InlineData("/:slugx/:slug/", "talks-resumex/talks-resume/")]
    public void Every_token_is_replaced_and_the_text_around_it_kept(string pattern, string expected) =>
        Assert.Equal(expected, PermalinkPattern.Parse(pattern).Expand("talks-resume", LateOnTheLastOfMarch, FiveHoursAhead, Europe));

    [Fact]
    public void The_date_is_the_day_it_is_in_the_sites_time_zone()
    {
        var pattern = PermalinkPattern.Parse("/:year/:month/:day/:slug/");

        Assert.Equal("2026/03/31/a/", pattern.Expand("a", LateOnTheLastOfMarch, TimeZoneInfo.Utc, null));
        Assert.Equal("2026/04/01/a/", pattern.Expand("a", LateOnTheLastOfMarch, FiveHoursAhead, null));
    }

    [Fact]
    public void An_article_without_a_category_is_filed_as_uncategorized()
    {
        var pattern = PermalinkPattern.Parse("/:section/:category/:slug/");

        Assert.Equal("uncategorized/uncategorized/a/", pattern.Expand("a", LateOnTheLastOfMarch, TimeZoneInfo.Utc, null));
        Assert.Equal("top/top/a/", pattern.Expand("a", LateOnTheLastOfMarch, TimeZoneInfo.Utc, Europe with { Path = "top" }));
    }

    [Fact]
    public async Task A_site_with_a_dated_permalink_writes_its_article_there()
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle + """

            -- site.yml --
            title: T
            base_url: https://example.org/news/
            time_zone: Asia/Karachi
            permalink: /:year/:month/:section/:slug/
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(File.Exists(Path.Combine(site.DefaultOutput, "2026", "03", "world", "talks", "index.html")));
        Assert.Contains("href=\"/news/2026/03/world/talks/\"", File.ReadAllText(Path.Combine(site.DefaultOutput, "index.html")), StringComparison.Ordinal);
    }
}
