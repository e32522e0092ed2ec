using System.Text;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Incremental;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// What a page shows of other articles' bodies (their HTML, word count or reading time) is recorded when it renders: an edit
/// of one of those bodies renders it again, and an edit of any other body does not.
/// </summary>
public sealed class PageDependencyTests
{
    private const string Articles = """
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
        """;

    /// <summary>The site's model and a renderer of its pages, as a build without caches makes them, and the diagnostics so far.</summary>
    private static async Task<(SiteModel Model, PageRenderer Renderer, DiagnosticBag Diagnostics)> RendererOfAsync(TempSite site)
    {
        var (sources, model, diagnostics) = await SiteModels.OfAsync(site);
        return (model, new PageRenderer(model, sources.Templates, diagnostics), diagnostics);
    }

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("word", count));

    [Theory]
    [InlineData("{{ lead.body }}", 5)]
    [InlineData("{{ lead.word_count }} words", 5)]
    [InlineData("{{ lead.reading_minutes }} min", 700)]
    [InlineData("{{ include 'partials/lead-body.html' }}", 5)]
    public async Task A_listing_that_shows_an_articles_body_is_rendered_again_when_that_body_changes(string shown, int words)
    {
        using var site = TempSite.Create(Articles);
        site.Write("templates/home.html", "{{ lead = page.articles | array.first }}<div id=\"lead\">" + shown + "</div>");
        site.Write("templates/partials/lead-body.html", "<p>{{ lead.word_count }} words</p>");
        await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\n" + Words(words) + "\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.PagesRendered);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_card_partial_reused_between_pages_carries_its_body_reads_to_each_of_them()
    {
        using var site = TempSite.Create(Articles);
        // The card renders alike on every listing that shows the article, so its output is reused from the second listing on.
        site.Write("templates/partials/article-card.html", "<article><a href=\"{{ card.url }}\">{{ card.title }}</a> {{ card.word_count }} words</article>\n");
        await site.BuildAsync();
        site.Write("articles/b.md", "---\ntitle: Beta trade\ndate: 2026-03-02 10:00\nauthor: jane-doe\ncategory: world/trade\n---\nBeta body, now a little longer.\n");

        var result = await site.BuildAsync();

        Assert.True(result.PagesRendered > 3, $"only {result.PagesRendered} pages rendered");
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Every_page_showing_a_card_reports_that_articles_body_whether_the_card_was_rendered_or_reused()
    {
        using var site = TempSite.Create(Articles);
        site.Write("templates/partials/article-card.html", "<article class=\"probe\"><a href=\"{{ card.url }}\">{{ card.title }}</a> {{ card.word_count }} words</article>\n");
        var (model, renderer, diagnostics) = await RendererOfAsync(site);

        var checkedCards = 0;
        foreach (var page in model.Pages)
        {
            var html = Encoding.UTF8.GetString(renderer.Render(page, out var reads)!);
            foreach (var article in model.Site.Articles.Where(a => html.Contains($"<article class=\"probe\"><a href=\"{a.Url}\">", StringComparison.Ordinal)))
            {
                Assert.Contains(article.SourcePath, reads.Bodies);
                checkedCards++;
            }
        }

        var cardOutputs = renderer.Memo.CountOf("partials/article-card.html");
        Assert.True(cardOutputs > 0, "no card output was kept for reuse");
        Assert.True(checkedCards > 2 * cardOutputs, $"{checkedCards} cards on pages, {cardOutputs} outputs kept: too few can have been reused");
        DiagnosticAssert.NoErrors(diagnostics.ToSortedList());
    }

    [Fact]
    public async Task A_variable_a_page_assigns_is_gone_when_the_next_page_renders_in_the_same_context()
    {
        using var site = TempSite.Create(Articles);
        site.Write("templates/article.html", "{{ if page.article.title == \"Alpha talks\" }}{{ note = \"from alpha\" }}{{ end }}<p id=\"note\">{{ note }}</p>\n");
        var (model, renderer, diagnostics) = await RendererOfAsync(site);
        var alpha = model.Pages.Single(p => p.Article?.Title == "Alpha talks");
        var beta = model.Pages.Single(p => p.Article?.Title == "Beta trade");

        var alphaHtml = renderer.Render(alpha);
        var betaHtml = renderer.Render(beta);

        Assert.Contains("<p id=\"note\">from alpha</p>", Encoding.UTF8.GetString(alphaHtml!), StringComparison.Ordinal);
        Assert.Null(betaHtml);
        renderer.ReportRuntimeErrors();
        Assert.Contains(diagnostics.ToSortedList(), d => d.Code == DiagnosticCodes.TemplateRuntime.Code && d.Message.Contains("note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_wide_partial_rendered_once_carries_its_body_reads_to_every_page()
    {
        using var site = TempSite.Create(Articles);
        site.Write("templates/partials/footer.html", "<footer>Newest: {{ (site.articles | array.first).word_count }} words</footer>\n");
        var (model, renderer, diagnostics) = await RendererOfAsync(site);

        // Every page but c's own, whose body is in its fingerprint anyway.
        var reads = model.Pages.Where(page => page.Article?.SourcePath != "articles/c.md").Select(page => renderer.Render(page, out var pageReads) is null ? [] : pageReads.Bodies).ToList();

        Assert.All(reads, bodyReads => Assert.Contains("articles/c.md", bodyReads));
        DiagnosticAssert.NoErrors(diagnostics.ToSortedList());
    }

    [Fact]
    public async Task An_edit_of_a_body_no_listing_shows_renders_only_its_own_page_even_when_its_reading_time_changes()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        // From one minute to four: the article page shows it; the home page shows only the newest article's (Gamma's).
        site.Write("articles/a.md", "---\ntitle: Alpha talks\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\n---\n" + Words(700) + "\n");

        var result = await site.BuildAsync();

        Assert.Equal(1, result.PagesRendered);
        Assert.Contains("4 min read", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        var after = WriteTimes(site.DefaultOutput);
        Assert.Equal(before["index.html"], after["index.html"]);
        Assert.Equal(before[Path.Combine("category", "world", "index.html")], after[Path.Combine("category", "world", "index.html")]);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Sitemaps_are_only_named_when_the_previous_build_wrote_them_from_the_same_site_wide_inputs()
    {
        using var site = TempSite.Create(Articles);
        var (sources, model, _) = await SiteModels.OfAsync(site);
        var templates = new PageTemplateInputs(sources.Templates, ParsedTemplates.Parse(sources.Templates).Facts, model.BuiltAt);
        var fingerprints = new PageFingerprints(sources, site.Options(), model, templates).OfSitemaps(model).ToDictionary(p => p.Path, p => p.Fingerprint, StringComparer.Ordinal);

        var sameInputs = Publishing.PublishingOutputs.Create(model, Publishing.SitemapWriter.MaxUrlsPerFile, new OutputReuse(fingerprints, previousFingerprints: fingerprints, _ => true, (_, _) => default));
        var otherInputs = Publishing.PublishingOutputs.Create(model, Publishing.SitemapWriter.MaxUrlsPerFile, OutputReuse.None(fingerprints, (_, _) => default));

        Assert.Equal(["sitemap.xml"], fingerprints.Keys);
        Assert.True(sameInputs.Single(f => f.Path == "sitemap.xml").IsUnchanged);
        Assert.Contains("<loc>https://example.org/a/</loc>", Encoding.UTF8.GetString(otherInputs.Single(f => f.Path == "sitemap.xml").Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_of_an_articles_updated_date_writes_the_sitemap_again()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("articles/a.md", "---\ntitle: Alpha talks\ndate: 2026-03-01 10:00\nupdated: 2026-03-05 09:00\nauthor: jane-doe\ncategory: world/diplomacy\n---\nAlpha body.\n");

        await site.BuildAsync();

        Assert.Contains("2026-03-05", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }
}
