using System.Xml.Linq;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Publishing;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private const string TwoArticles = """
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-03-19 10:00
        updated: 2026-03-21 08:15
        author: jane-doe
        category: world/diplomacy
        ---
        Text.
        -- articles/deal.md --
        ---
        title: Deal signed
        date: 2026-03-18
        author: jane-doe
        category: world/trade
        ---
        Text.
        """;

    [Fact]
    public async Task The_sitemap_lists_every_html_page_but_the_404_page()
    {
        using var site = TempSite.Create(TwoArticles);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var locations = Urls(PublishedFeeds.Text(result, "sitemap.xml"));
        var pages = result.Model!.Pages.Where(p => p.Kind != PageKind.NotFound).Select(p => "https://example.org" + p.Url).ToList();
        Assert.Equal(pages, locations);
        Assert.Contains("https://example.org/category/world/diplomacy/", locations);
        Assert.DoesNotContain(locations, l => l.EndsWith("404.html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lastmod_is_the_articles_update_else_its_date_and_a_listings_newest_article()
    {
        using var site = TempSite.Create(TwoArticles);

        var result = await site.CheckAsync();

        var lastmods = XDocument.Parse(PublishedFeeds.Text(result, "sitemap.xml")).Descendants(Ns + "url")
            .ToDictionary(u => u.Element(Ns + "loc")!.Value, u => u.Element(Ns + "lastmod")?.Value, StringComparer.Ordinal);
        Assert.Equal("2026-03-21T08:15:00+00:00", lastmods["https://example.org/talks/"]);
        Assert.Equal("2026-03-18T00:00:00+00:00", lastmods["https://example.org/deal/"]);
        Assert.Equal("2026-03-18T00:00:00+00:00", lastmods["https://example.org/category/world/trade/"]);
        Assert.Equal("2026-03-21T08:15:00+00:00", lastmods["https://example.org/category/world/"]);
        Assert.Equal("2026-03-21T08:15:00+00:00", lastmods["https://example.org/"]);
        Assert.Null(lastmods["https://example.org/category/culture/"]);
    }

    [Fact]
    public async Task Past_the_limit_the_sitemap_becomes_an_index_of_parts()
    {
        using var site = TempSite.Create(TwoArticles);
        var result = await site.CheckAsync();
        var all = Urls(PublishedFeeds.Text(result, "sitemap.xml"));

        var files = PublishingOutputs.Create(result.Model!, maxSitemapUrls: 4).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content.Span), StringComparer.Ordinal);

        var index = XDocument.Parse(files["sitemap.xml"]);
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var partUrls = index.Descendants(Ns + "loc").Select(l => l.Value).ToList();
        var expectedParts = (all.Count + 3) / 4;
        Assert.Equal(Enumerable.Range(1, expectedParts).Select(i => $"https://example.org/sitemap-{i}.xml"), partUrls);
        var fromParts = Enumerable.Range(1, expectedParts).SelectMany(i => Urls(files[$"sitemap-{i}.xml"])).ToList();
        Assert.All(Enumerable.Range(1, expectedParts), i => Assert.InRange(Urls(files[$"sitemap-{i}.xml"]).Count, 1, 4));
        Assert.Equal(all, fromParts);
        Assert.All(index.Descendants(Ns + "sitemap"), s => Assert.NotNull(s.Element(Ns + "lastmod")));
    }

    [Fact]
    public async Task At_the_limit_the_sitemap_stays_a_single_file()
    {
        using var site = TempSite.Create(TwoArticles);
        var result = await site.CheckAsync();
        var count = Urls(PublishedFeeds.Text(result, "sitemap.xml")).Count;

        var files = PublishingOutputs.Create(result.Model!, maxSitemapUrls: count);

        Assert.DoesNotContain(files, f => f.Path.StartsWith("sitemap-", StringComparison.Ordinal));
        Assert.Equal(count, Urls(System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == "sitemap.xml").Content.Span)).Count);
    }

    [Fact]
    public async Task The_news_sitemap_holds_the_last_two_days_edges_included_and_no_future()
    {
        // The clock says 2026-11-29 12:00Z; the site's zone is Europe/London (UTC in November).
        using var site = TempSite.Create("""
            -- articles/exactly-two-days.md --
            ---
            title: Exactly two days old
            date: 2026-11-27 12:00
            author: jane-doe
            category: world
            ---
            -- articles/just-too-old.md --
            ---
            title: A minute too old
            date: 2026-11-27 11:59
            author: jane-doe
            category: world
            ---
            -- articles/now.md --
            ---
            title: Published this minute
            date: 2026-11-29 12:00
            author: jane-doe
            category: world
            ---
            -- articles/future.md --
            ---
            title: Scheduled for later
            date: 2026-11-29 12:01
            author: jane-doe
            category: world
            ---
            """);

        var result = await site.CheckAsync(o => o with { IncludeFuture = true });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains(result.Model!.Site.Articles, a => a.Slug == "future");
        var document = XDocument.Parse(PublishedFeeds.Text(result, "news-sitemap.xml"));
        Assert.Equal(["https://example.org/now/", "https://example.org/exactly-two-days/"], document.Descendants(Ns + "loc").Select(l => l.Value));
        var first = document.Descendants(News + "news").First();
        Assert.Equal("Test Gazette", first.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", first.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("2026-11-29T12:00:00+00:00", first.Element(News + "publication_date")!.Value);
        Assert.Equal("Published this minute", first.Element(News + "title")!.Value);
    }

    [Fact]
    public void The_news_sitemap_keeps_at_most_a_thousand_newest_articles()
    {
        var now = FixedClock.DefaultNow;
        var articles = Enumerable.Range(0, 1200)
            .Select(i => new Article { SourcePath = $"articles/a{i}.md", Slug = $"a{i}", Title = $"A{i}", Date = now.AddMinutes(-i), Url = $"/a{i}/" })
            .ToList();

        var selected = NewsSitemapWriter.Select(articles, now);

        Assert.Equal(1000, selected.Count);
        Assert.Equal("a0", selected[0].Slug);
        Assert.Equal("a999", selected[^1].Slug);
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("ur", "ur")]
    [InlineData("zh-TW", "zh-tw")]
    [InlineData("zh-Hans", "zh-cn")]
    public async Task The_news_sitemap_language_is_the_iso_639_code_google_news_expects(string language, string expected)
    {
        using var site = TempSite.Create(TwoArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")).Replace("language: en", "language: " + language, StringComparison.Ordinal));

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(expected, NewsSitemapWriter.Language(result.Model!.Site.Config));
    }

    [Fact]
    public async Task Robots_txt_names_both_sitemaps_and_the_disallowed_paths_under_the_base_path()
    {
        using var site = TempSite.Create(TwoArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "robots_disallow: [/drafts/, /search]\n");

        var result = await site.CheckAsync(o => o with { BaseUrl = "https://example.org/news/" });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(
            "User-agent: *\nDisallow: /news/drafts/\nDisallow: /news/search\n\nSitemap: https://example.org/news/sitemap.xml\nSitemap: https://example.org/news/news-sitemap.xml\n",
            PublishedFeeds.Text(result, "robots.txt"));
    }

    [Fact]
    public async Task Robots_txt_allows_everything_by_default()
    {
        using var site = TempSite.Create(TwoArticles);

        var result = await site.CheckAsync();

        Assert.StartsWith("User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\n", PublishedFeeds.Text(result, "robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_robots_disallow_entry_that_is_not_a_site_path_is_an_error_at_its_position()
    {
        using var site = TempSite.Create(TwoArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "robots_disallow:\n  - /ok/\n  - drafts\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.RobotsPathInvalid, "site.yml", 10, 5);
    }

    [Fact]
    public async Task A_robots_txt_in_static_replaces_the_generated_one()
    {
        using var site = TempSite.Create(TwoArticles + "\n-- static/robots.txt --\nUser-agent: *\nDisallow: /\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.StartsWith("User-agent: *\nDisallow: /\n", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sitemap:", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_file_at_a_feeds_path_is_reported_as_a_collision()
    {
        using var site = TempSite.Create(TwoArticles + "\n-- static/rss.xml --\n<rss/>\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UrlCollision, "static/rss.xml", 0, 0);
    }

    private static List<string> Urls(string xml) =>
        [.. XDocument.Parse(xml).Descendants(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value)];
}
