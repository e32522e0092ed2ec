using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A page depends on the templates its kind renders with (the layout, its own template and the partials they include), not
/// on every template of the theme: a new tag page template renders the tag pages again and no other, and every build gives
/// what a cold build gives. A template that may include a partial not named in it makes its pages depend on every template.
/// </summary>
public sealed class TemplateEditTests
{
    private const string Site = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        tags: [trade]
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Gamma body.
        -- articles/d.md --
        ---
        title: Delta culture
        date: 2026-03-04 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Delta body.
        -- articles/e.md --
        ---
        title: Epsilon culture
        date: 2026-03-05 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Epsilon body.
        """;

    private const string TagTemplate = "<h1>{{ page.tag.name }}</h1>\n{{ for card in page.articles }}<p>{{ card.title }}</p>{{ end }}\n";

    [Fact]
    public async Task A_partial_broken_by_an_edit_is_reported_as_a_cold_build_reports_it()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "{{ include 'partials/tag-title.html' }}\n" + TagTemplate);
        site.Write("templates/partials/tag-title.html", "<p class=\"kicker\">Topic</p>\n");
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        // A stray end: the tag pages, the only ones including the partial, are the few an edit renders early.
        site.Write("templates/partials/tag-title.html", "<p class=\"kicker\">Topic</p>\n{{ end }}\n");

        var incremental = await site.BuildAsync();
        var cold = await site.BuildAsync(o => o with { OutputPath = Path.Combine(site.Parent, "cold"), Incremental = false });

        // The syntax error alone: not also each page that failed to include the partial, which a cold build never renders.
        DiagnosticAssert.Single(incremental.Diagnostics, DiagnosticCodes.TemplateSyntax, "templates/partials/tag-title.html", 2, 6);
        Assert.Equal(cold.Diagnostics, incremental.Diagnostics);
        Assert.Equal(before, WriteTimes(site.DefaultOutput));
    }

    [Fact]
    public async Task A_new_tag_page_template_renders_the_tag_pages_again_and_no_other()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", TagTemplate);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        site.Write("templates/tag.html", TagTemplate.Replace("<h1>", "<h1 class=\"tag-title\">", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var written = Rewritten(before, WriteTimes(site.DefaultOutput));
        Assert.NotEmpty(written);
        Assert.All(written, path => Assert.StartsWith("tag" + Path.DirectorySeparatorChar, path, StringComparison.Ordinal));
        Assert.Equal(written.Count, result.PagesRendered);
        Assert.Contains("tag-title", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_partial_edited_renders_again_the_kinds_of_page_that_include_it()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/partials/author-box.html", "<aside class=\"author\">{{ author.name }}</aside>\n");
        await site.BuildAsync();
        var home = site.ReadOutput("index.html");
        site.Write("templates/partials/author-box.html", "<aside class=\"author-box\">{{ author.name }}</aside>\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        // The article pages show the box: five of them, and not the listings, the archive or the other pages.
        Assert.Equal(5, result.PagesRendered);
        Assert.Contains("author-box", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        Assert.Equal(home, site.ReadOutput("index.html"));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_partial_the_layout_includes_renders_every_page_again()
    {
        using var site = TempSite.Create(Site);
        var first = await site.BuildAsync();
        site.Write("templates/partials/footer.html", "<footer class=\"site-footer\">Printed by the test.</footer>\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(first.PagesRendered, result.PagesRendered);
        Assert.Contains("Printed by the test.", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_template_edited_renders_no_feed_or_sitemap_again()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        site.Write("templates/partials/footer.html", "<footer class=\"site-footer\">Printed by the test.</footer>\n");

        await site.BuildAsync();

        var written = Rewritten(before, WriteTimes(site.DefaultOutput));
        Assert.NotEmpty(written);
        Assert.All(written, path => Assert.EndsWith(".html", path, StringComparison.Ordinal));
        await AssertSameAsColdBuildAsync(site);
    }

    /// <summary>
    /// Ways a template includes a partial whose name is not written in it as a literal (in a text run as template code, too):
    /// each makes the tag pages depend on every template, so a change to the partial alone shows on them.
    /// </summary>
    [Theory]
    [InlineData("{{ include ('partials/' + 'tagline.html') }}")]
    [InlineData("{{ name = 'partials/tagline.html'; include name }}")]
    [InlineData("{{ 'partials/tagline.html' | include }}")]
    [InlineData("{{ include_join ['partials/tagline.html'] '' }}")]
    [InlineData("{{ include 'partials/indirect.html' }}")]
    [InlineData("{{ object.eval_template \"{{ include 'partials/tagline.html' }}\" }}")]
    [InlineData("{{ 'include \\'partials/tagline.html\\'' | object.eval }}")]
    public async Task A_partial_included_by_a_computed_name_shows_its_changes(string include)
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"line\">" + include + "</p>\n");
        site.Write("templates/partials/indirect.html", "{{ include ('partials/' + 'tagline.html') }}");
        site.Write("templates/partials/tagline.html", "Filed under a tag.");
        await site.BuildAsync();
        Assert.Contains("Filed under a tag.", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        site.Write("templates/partials/tagline.html", "Filed under one of our tags.");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Filed under one of our tags.", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_partial_named_without_its_extension_is_followed()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"line\">{{ include 'partials/tagline' }}</p>\n");
        site.Write("templates/partials/tagline.html", "Filed under a tag.");
        await site.BuildAsync();
        site.Write("templates/partials/tagline.html", "Filed under one of our tags.");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Filed under one of our tags.", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_missing_partial_added_after_a_failed_build_is_rendered()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        site.Write("templates/tag.html", "<p class=\"line\">{{ include 'partials/tagline.html' }}</p>\n");

        var failed = await site.BuildAsync();
        Assert.Contains(failed.Diagnostics, d => d.IsError);
        site.Write("templates/partials/tagline.html", "Filed under a tag.");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Filed under a tag.", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }
}
