using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class FeedTests
{
    private const string ThreeArticles = """
        -- articles/talks.md --
        ---
        title: Talks resume in "Geneva" <today> & more
        date: 2026-03-19 10:00
        updated: 2026-03-20 09:30
        authors: [jane-doe]
        category: world/diplomacy
        tags: [Talks]
        summary: Delegations met again.
        ---
        Delegations met again.

        {{< also-read trade-deal >}}
        -- articles/trade-deal.md --
        ---
        title: Trade deal signed
        date: 2026-03-18
        author: jane-doe
        category: world/trade
        tags: [Talks]
        ---
        The deal was signed.
        -- articles/festival.md --
        ---
        title: Film festival opens
        date: 2026-03-17 18:00
        author: jane-doe
        category: culture
        image: /images/festival.png
        image_alt: A red carpet
        ---
        The festival opened.
        -- static/images/festival.png --
        png
        """;

    private static readonly Regex Rfc822 = new(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$", RegexOptions.CultureInvariant);
    private static readonly Regex Rfc3339 = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task The_site_rss_feed_parses_and_lists_every_article_newest_first()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var feed = PublishedFeeds.Load(result, "rss.xml");
        Assert.Equal("Test Gazette", feed.Title.Text);
        Assert.Equal(["Talks resume in \"Geneva\" <today> & more", "Trade deal signed", "Film festival opens"], feed.Items.Select(i => i.Title.Text));
        Assert.Equal(["https://example.org/talks/", "https://example.org/trade-deal/", "https://example.org/festival/"], feed.Items.Select(i => i.Links[0].Uri.ToString()));
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.Zero), feed.Items.First().PublishDate);
    }

    [Fact]
    public async Task Rss_dates_are_rfc_822()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        var document = XDocument.Parse(PublishedFeeds.Text(result, "rss.xml"));
        var dates = document.Descendants("pubDate").Select(d => d.Value).ToList();
        Assert.Equal(3, dates.Count);
        Assert.All(dates, d => Assert.Matches(Rfc822, d));
        Assert.Equal("Thu, 19 Mar 2026 10:00:00 GMT", dates[0]);
    }

    [Fact]
    public async Task The_site_atom_feed_parses_with_rfc_3339_dates_and_updated_from_the_newest_change()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        var feed = PublishedFeeds.Load(result, "atom.xml");
        Assert.Equal(3, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal("https://example.org/talks/", first.Id);
        Assert.Equal("https://example.org/talks/", first.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.Zero), first.PublishDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 9, 30, 0, TimeSpan.Zero), first.LastUpdatedTime);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 9, 30, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var dates = XDocument.Parse(PublishedFeeds.Text(result, "atom.xml")).Descendants().Where(e => e.Name == atom + "published" || e.Name == atom + "updated").Select(e => e.Value).ToList();
        Assert.Equal(7, dates.Count);
        Assert.All(dates, d => Assert.Matches(Rfc3339, d));
    }

    [Fact]
    public async Task The_site_json_feed_has_the_required_fields_of_version_1_1()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        using var json = PublishedFeeds.Json(result, "feed.json");
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Test Gazette", root.GetProperty("title").GetString());
        Assert.Equal("https://example.org/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            Assert.Matches(Rfc3339, item.GetProperty("date_published").GetString()!);
        });
        Assert.Equal("Talks resume in \"Geneva\" <today> & more", items[0].GetProperty("title").GetString());
        Assert.Equal("2026-03-19T10:00:00+00:00", items[0].GetProperty("date_published").GetString());
        Assert.Equal("https://example.org/images/festival.png", items[2].GetProperty("image").GetString());
    }

    [Fact]
    public async Task A_parent_category_feed_carries_its_childrens_articles()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        Assert.Equal(["Talks resume in \"Geneva\" <today> & more", "Trade deal signed"], PublishedFeeds.Load(result, "category/world/rss.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(["Trade deal signed"], PublishedFeeds.Load(result, "category/world/trade/atom.xml").Items.Select(i => i.Title.Text));
        using var culture = PublishedFeeds.Json(result, "category/culture/feed.json");
        Assert.Equal(["Film festival opens"], culture.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Authors_and_tags_have_feeds_in_every_format()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync();

        Assert.Equal(3, PublishedFeeds.Load(result, "author/jane-doe/rss.xml").Items.Count());
        Assert.Equal(2, PublishedFeeds.Load(result, "tag/talks/atom.xml").Items.Count());
        using var tag = PublishedFeeds.Json(result, "tag/talks/feed.json");
        Assert.Equal("https://example.org/tag/talks/", tag.RootElement.GetProperty("home_page_url").GetString());
    }

    [Fact]
    public async Task Feed_size_keeps_only_the_newest_articles()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "feed_size: 2\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(["https://example.org/talks/", "https://example.org/trade-deal/"], PublishedFeeds.Load(result, "rss.xml").Items.Select(i => i.Id));
        Assert.Equal(2, PublishedFeeds.Load(result, "atom.xml").Items.Count());
        using var json = PublishedFeeds.Json(result, "feed.json");
        Assert.Equal(2, json.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>A feed's stream is given its room at once (FeedWriterContext.Bytes): planned too small, it grows by doubling again.</summary>
    [Fact]
    public async Task The_room_planned_for_each_feed_of_the_sample_site_holds_the_feed_written()
    {
        var result = await SiteGenerator.RenderAsync(new BuildOptions { SourcePath = Path.Combine(TestSites.RepositoryRoot, "site"), OutputPath = Path.Combine(Path.GetTempPath(), "staticnews-unused") });
        DiagnosticAssert.NoErrors(result.Diagnostics);
        var files = result.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        var checkedFeeds = 0;
        foreach (var channel in Publishing.FeedCatalog.Build(result.Model!.Site))
        {
            var planned = Publishing.FeedWriterContext.ExpectedLength(channel);
            foreach (var format in Publishing.FeedLocations.Formats)
            {
                var path = Publishing.FeedLocations.Url(channel.ListingUrl, format).TrimStart('/');
                var written = files[path].Content.Length;
                Assert.True(planned >= written, $"{path}: {written} bytes written, {planned} planned");
                Assert.True(planned < (2 * written) + 8192, $"{path}: {written} bytes written, {planned} planned");
                checkedFeeds++;
            }
        }

        Assert.True(checkedFeeds > 10, $"{checkedFeeds} feeds");
    }

    /// <summary>
    /// A feed's bytes may be the very buffer its stream was made with (FeedWriterContext.Bytes), which must then never be
    /// written again: the feeds written after it through the same context leave it as it was.
    /// </summary>
    [Fact]
    public async Task A_feeds_bytes_stay_as_written_while_the_same_context_writes_the_others()
    {
        var result = await SiteGenerator.RenderAsync(new BuildOptions { SourcePath = Path.Combine(TestSites.RepositoryRoot, "site"), OutputPath = Path.Combine(Path.GetTempPath(), "staticnews-unused") });
        DiagnosticAssert.NoErrors(result.Diagnostics);
        var model = result.Model!;
        var channels = Publishing.FeedCatalog.Build(model.Site);
        var context = new Publishing.FeedWriterContext(model.Site.Config, model.Urls);

        var first = Publishing.RssFeedWriter.Write(channels[0], context);
        var asWritten = first.ToArray();
        var others = channels.Select(channel => Publishing.AtomFeedWriter.Write(channel, context)).ToList();

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first, out var buffer) && buffer.Array!.Length > buffer.Count, "the site's feed is its stream's buffer, not a copy");
        Assert.Equal(asWritten, first.ToArray());
        var fresh = new Publishing.FeedWriterContext(model.Site.Config, model.Urls);
        for (var i = 0; i < channels.Count; i++)
        {
            Assert.Equal(Publishing.AtomFeedWriter.Write(channels[i], fresh).ToArray(), others[i].ToArray());
        }

        Assert.True(channels.Count > 10, $"{channels.Count} channels");
    }

    [Fact]
    public async Task Full_content_feeds_carry_the_body_with_absolute_links()
    {
        using var site = TempSite.Create(ThreeArticles);

        var result = await site.CheckAsync(o => o with { BaseUrl = "https://example.org/news/" });

        var atom = PublishedFeeds.Load(result, "atom.xml");
        var content = Assert.IsType<TextSyndicationContent>(atom.Items.First().Content);
        Assert.Contains("<a href=\"https://example.org/news/trade-deal/\">Trade deal signed</a>", content.Text, StringComparison.Ordinal);
        XNamespace contentNs = "http://purl.org/rss/1.0/modules/content/";
        var encoded = XDocument.Parse(PublishedFeeds.Text(result, "rss.xml")).Descendants(contentNs + "encoded").First().Value;
        Assert.Contains("href=\"https://example.org/news/trade-deal/\"", encoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_feeds_carry_the_summary_and_no_body()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "feed_content: summary\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.DoesNotContain("content:encoded", PublishedFeeds.Text(result, "rss.xml"), StringComparison.Ordinal);
        Assert.Null(PublishedFeeds.Load(result, "atom.xml").Items.First().Content);
        using var json = PublishedFeeds.Json(result, "feed.json");
        var first = json.RootElement.GetProperty("items")[0];
        Assert.False(first.TryGetProperty("content_html", out _));
        Assert.Equal("Delegations met again.", first.GetProperty("content_text").GetString());
    }

    [Fact]
    public async Task Category_author_and_tag_feeds_carry_summaries_unless_section_feed_content_is_full()
    {
        using var site = TempSite.Create(ThreeArticles);

        var byDefault = await site.CheckAsync();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "section_feed_content: full\n");
        var full = await site.CheckAsync();

        DiagnosticAssert.NoErrors(byDefault.Diagnostics);
        Assert.Contains("content:encoded", PublishedFeeds.Text(byDefault, "rss.xml"), StringComparison.Ordinal);
        foreach (var feed in new[] { "category/world/rss.xml", "author/jane-doe/rss.xml", "tag/talks/rss.xml" })
        {
            Assert.DoesNotContain("content:encoded", PublishedFeeds.Text(byDefault, feed), StringComparison.Ordinal);
            Assert.Contains("content:encoded", PublishedFeeds.Text(full, feed), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_feed_content_setting_is_an_error_at_its_value()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "feed_content: excerpt\n");

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FeedContentUnknown, "site.yml", 8, 15);
    }

    [Fact]
    public async Task Listing_pages_announce_their_own_feed_and_every_page_the_sites()
    {
        using var site = TempSite.Create(ThreeArticles);

        await site.BuildAsync();

        var category = site.ReadOutput("category/world/index.html");
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test Gazette (RSS)\" href=\"/rss.xml\">", category, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"World – Test Gazette (Atom)\" href=\"/category/world/atom.xml\">", category, StringComparison.Ordinal);
        Assert.Contains("href=\"/author/jane-doe/feed.json\"", site.ReadOutput("author/jane-doe/page/2/index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"/tag/talks/rss.xml\"", site.ReadOutput("tag/talks/index.html"), StringComparison.Ordinal);
        var article = site.ReadOutput("talks/index.html");
        Assert.Contains("href=\"/feed.json\"", article, StringComparison.Ordinal);
        Assert.DoesNotContain("/category/world/diplomacy/rss.xml", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_a_title_do_not_break_the_xml()
    {
        using var site = TempSite.Create("""
            -- articles/odd.md --
            ---
            title: "Bell\a in the title"
            date: 2026-03-19
            author: jane-doe
            category: world
            ---
            Text.
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal("Bell in the title", PublishedFeeds.Load(result, "rss.xml").Items.Single().Title.Text);
        Assert.Equal("Bell in the title", PublishedFeeds.Load(result, "atom.xml").Items.Single().Title.Text);
    }
}
