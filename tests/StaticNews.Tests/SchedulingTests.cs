using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Drafts, future dates and 'expires', decided by the injected clock (FixedClock: 2026-11-29 12:00 UTC).</summary>
public sealed class SchedulingTests
{
    private const string Articles = """
        -- articles/world/live.md --
        ---
        title: Live story
        date: 2026-11-20
        author: jane-doe
        category: world
        ---
        Live.
        -- articles/world/draft.md --
        ---
        title: Draft story
        date: 2026-11-21
        author: jane-doe
        category: world
        draft: true
        ---
        Draft.
        -- articles/world/tomorrow.md --
        ---
        title: Tomorrow's story
        date: 2026-11-30 08:00
        author: jane-doe
        category: world
        ---
        Embargoed.
        -- articles/world/offer.md --
        ---
        title: Limited offer
        date: 2026-11-01
        expires: 2026-11-29 11:00 +00:00
        author: jane-doe
        category: world
        tags: [Offers]
        ---
        Gone at eleven.
        -- articles/world/still-on.md --
        ---
        title: Still on
        date: 2026-11-02
        expires: 2026-11-29 13:00 +00:00
        author: jane-doe
        category: world
        ---
        Gone at one.
        """;

    [Fact]
    public async Task A_draft_is_left_out_unless_drafts_are_asked_for()
    {
        using var site = TempSite.Create(Articles);

        var without = await site.CheckAsync();
        var with = await site.CheckAsync(o => o with { IncludeDrafts = true });

        DiagnosticAssert.NoErrors(without.Diagnostics);
        Assert.DoesNotContain(without.Model!.Site.Articles, a => a.Slug == "draft");
        Assert.DoesNotContain(without.Files, f => f.Path == "draft/index.html");
        Assert.Contains(with.Model!.Site.Articles, a => a.Slug == "draft");
        Assert.Contains(with.Files, f => f.Path == "draft/index.html");
    }

    [Fact]
    public async Task An_article_dated_after_the_clock_is_left_out_unless_future_is_asked_for()
    {
        using var site = TempSite.Create(Articles);

        var now = await site.CheckAsync();
        var withFuture = await site.CheckAsync(o => o with { IncludeFuture = true });
        var tomorrow = await site.CheckAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)) });

        Assert.DoesNotContain(now.Files, f => f.Path == "tomorrow/index.html");
        Assert.Contains(withFuture.Files, f => f.Path == "tomorrow/index.html");
        Assert.Contains(tomorrow.Files, f => f.Path == "tomorrow/index.html");
    }

    [Fact]
    public async Task An_expired_article_leaves_every_listing_but_keeps_its_page()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal(["live", "still-on"], model.Site.Articles.Select(a => a.Slug).Order(StringComparer.Ordinal));
        var listings = model.Pages.Where(p => p.Kind != PageKind.Article).SelectMany(p => p.Articles);
        Assert.DoesNotContain(listings, a => a.Slug == "offer");
        Assert.DoesNotContain(model.Site.Tags, t => t.Tag.Slug == "offers");
        var page = Assert.Single(model.Pages, p => p.Kind == PageKind.Article && p.Article!.Slug == "offer");
        Assert.True(page.Article!.Expired);
        Assert.False(model.Pages.Single(p => p.Article?.Slug == "still-on").Article!.Expired);
        Assert.Contains(result.Files, f => f.Path == "offer/index.html");
        var home = System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "index.html").Content.Span);
        Assert.DoesNotContain("Limited offer", home, StringComparison.Ordinal);
        Assert.Contains("Still on", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_article_leaves_the_feeds_and_the_sitemaps()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.CheckAsync();

        string Text(string path) => System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content.Span);
        foreach (var path in new[] { "rss.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "category/world/rss.xml" })
        {
            Assert.DoesNotContain("/offer/", Text(path), StringComparison.Ordinal);
        }

        Assert.Contains("/still-on/", Text("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("/still-on/", Text("rss.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_before_its_expiry_is_listed()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.CheckAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 10, 59, 0, TimeSpan.Zero)) });

        Assert.Contains(result.Model!.Site.Articles, a => a.Slug == "offer");
    }

    [Fact]
    public async Task Expired_pages_remove_drops_the_page_of_an_expired_article()
    {
        using var site = TempSite.Create(Articles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "expired_pages: remove\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.DoesNotContain(result.Files, f => f.Path == "offer/index.html");
        Assert.Contains(result.Files, f => f.Path == "still-on/index.html");
    }

    [Fact]
    public async Task An_unknown_expired_pages_value_is_an_error_at_its_position()
    {
        using var site = TempSite.Create(Articles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "expired_pages: hide\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.ValueOutOfRange, "site.yml", 8, 16);
    }
}
