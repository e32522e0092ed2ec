using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Template mistakes are diagnostics at the template's path, line and column; a site's templates override the theme's.</summary>
public sealed class TemplateTests
{
    private const string OneArticle = """
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-03-19 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [Talks]
        ---
        Delegations met again.
        """;

    [Fact]
    public async Task A_syntax_error_in_a_site_template_is_reported_at_its_line_and_column()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <h1>{{ page.article.title }}</h1>
            <p>{{ if page.article.summary }}</p>
            """);

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateSyntax, "templates/article.html", 2, 33);
        Assert.True(diagnostic.IsError);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Template_functions_take_their_arguments_as_templates_write_them()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <p id="f">{{ format_date page.article.date }}|{{ format_date page.article.date "yyyy" }}|{{ month_name 3 }}|{{ month_name "11" }}|{{ month_name 40 }}|{{ relative_url null }}|{{ relative_url "/a/" }}|{{ iso_date page.article.date }}|{{ page.article.word_count }}</p>
            """);

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = site.ReadOutput("talks/index.html");
        Assert.Contains("<p id=\"f\">19 March 2026|2026|March|November|December||/a/|2026-03-19T10:00:00+00:00|3</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scriban_date_functions_take_the_models_dates_at_their_own_clock_time()
    {
        // The model's dates carry their offset; Scriban's date functions take a plain date and time, which is the one shown.
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <p id="d">{{ page.article.date | date.to_string '%d %b %Y %H:%M' }}|{{ page.article.date | date.add_days 1 | date.to_string '%F' }}</p>
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("<p id=\"d\">19 Mar 2026 10:00|2026-03-20</p>", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_function_given_too_many_arguments_is_a_diagnostic_at_the_call()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <h1>{{ page.article.title }}</h1>
            <p>{{ month_name 3 4 }}</p>
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateRuntime, "templates/article.html", 2, 7);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_runtime_error_in_a_site_template_is_reported_at_its_line_and_column()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <h1>{{ page.article.title }}</h1>
            <p>{{ no_such_function page.article.title }}</p>
            """);

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateRuntime, "templates/article.html", 2, 7);
        Assert.Contains("no_such_function", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_runtime_error_met_on_many_pages_names_the_first_of_them_in_the_sites_order()
    {
        // Pages render in parallel, one run of them per core: the tag pages straddle the middle of the site's pages.
        var articles = string.Concat(Enumerable.Range(1, 6).Select(n => $"""
            -- articles/story-{n}.md --
            ---
            title: Story {n}
            date: 2026-03-{n:00} 10:00
            author: jane-doe
            category: world/diplomacy
            tags: [{string.Join(", ", Enumerable.Range(1, 8).Select(t => $"Topic {n}-{t}"))}]
            ---
            Delegations met again.

            """));
        using var site = TempSite.Create(articles + """
            -- templates/tag.html --
            <h1>{{ page.title }}</h1>
            <p>{{ no_such_function page.title }}</p>
            """);
        var (sources, model, diagnostics) = await SiteModels.OfAsync(site);
        var firstTagPage = model.Pages.First(p => p.Kind == PageKind.Tag).Url;

        for (var build = 0; build < 5; build++)
        {
            var result = await site.CheckAsync();

            var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateRuntime, "templates/tag.html", 2, 7);
            Assert.Contains($"while rendering {firstTagPage}:", diagnostic.Message, StringComparison.Ordinal);
        }

        // Whatever order the pages render in: an incremental build or the preview renders only some of them, first.
        var renderer = new PageRenderer(model, sources.Templates, diagnostics);
        foreach (var page in model.Pages.Reverse())
        {
            renderer.Render(page);
        }

        renderer.ReportRuntimeErrors();
        var reported = DiagnosticAssert.Single(diagnostics.ToSortedList(), DiagnosticCodes.TemplateRuntime, "templates/tag.html", 2, 7);
        Assert.Contains($"while rendering {firstTagPage}:", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runtime_error_in_a_partial_points_at_the_partial()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/partials/footer.html --
            <footer>
              <p>{{ undefined_variable }}</p>
            </footer>
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateRuntime, "templates/partials/footer.html", 2, 9);
    }

    [Fact]
    public async Task A_site_partial_replaces_the_themes_partial_of_the_same_name()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/partials/footer.html --
            <footer class="custom-footer"><p>Printed by {{ site.title }}</p></footer>
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        foreach (var page in new[] { "index.html", "talks/index.html", "category/world/index.html", "404.html" })
        {
            var html = site.ReadOutput(page);
            Assert.Contains("<footer class=\"custom-footer\"><p>Printed by Test Gazette</p></footer>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("site-footer", html, StringComparison.Ordinal);
        }

        Assert.Contains("<header class=\"site-header\">", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_page_template_replaces_the_themes_and_keeps_the_themes_layout()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/article.html --
            <h1 class="custom">{{ page.article.title }}</h1>
            """);

        await site.BuildAsync();

        var html = site.ReadOutput("talks/index.html");
        Assert.Contains("<h1 class=\"custom\">Talks resume</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"headline\"", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_stylesheet_replaces_the_themes()
    {
        using var site = TempSite.Create(OneArticle + "\n" + """
            -- templates/assets/css/site.css --
            body { color: rebeccapurple; }
            """);

        await site.BuildAsync();

        Assert.Equal("body { color: rebeccapurple; }\n", site.ReadOutput("assets/css/site.css"));
    }
}
