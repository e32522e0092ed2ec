using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// What <c>include</c> writes: a partial written straight into the page renders into it; one whose text is assigned, piped or
/// captured goes through Scriban's include; trusted HTML prints whole either way; a partial is never re-indented.
/// </summary>
public sealed class IncludeTests
{
    private const string Articles = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        ---
        Alpha **body**.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/diplomacy
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: world/diplomacy
        ---
        Gamma body.
        """;

    private static async Task<string> ArticlePageAsync(string templates, string slug = "a")
    {
        using var site = TempSite.Create(Articles + "\n" + templates);
        var result = await site.BuildAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return site.ReadOutput(slug + "/index.html");
    }

    [Fact]
    public async Task Trusted_html_held_as_text_or_as_utf8_prints_whole_in_a_page_and_in_a_partial()
    {
        var html = await ArticlePageAsync("""
            -- templates/partials/p.html --
            <i>{{ page.article.body }}|{{ json_ld page }}</i>
            -- templates/article.html --
            <b>{{ page.article.body }}|{{ json_ld page }}</b>
            {{ include 'partials/p.html' }}
            """);

        var jsonLd = "{\"@context\":\"https://schema.org\"";
        Assert.Contains("<b><p>Alpha <strong>body</strong>.</p>\n|" + jsonLd, html, StringComparison.Ordinal);
        Assert.Contains("<i><p>Alpha <strong>body</strong>.</p>\n|" + jsonLd, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_html_held_as_text_has_no_utf8_to_copy()
    {
        Assert.Null(new TrustedHtml("<p>text</p>").Utf8OrNull);
        Assert.Equal("<p>bytes</p>"u8.ToArray(), TrustedHtml.FromUtf8("<p>bytes</p>"u8.ToArray()).Utf8OrNull!.Value.ToArray());
    }

    [Fact]
    public async Task An_include_whose_text_is_assigned_piped_or_captured_is_written_only_where_the_template_says()
    {
        var html = await ArticlePageAsync("""
            -- templates/partials/p.html --
            <em>{{ page.article.title }}</em>
            -- templates/article.html --
            {{~ x = include 'partials/p.html' ~}}
            {{~ capture y }}{{ include 'partials/p.html' }}{{ end ~}}
            <p id="direct">{{ include 'partials/p.html' }}</p>
            <p id="assigned">{{ x }}</p>
            <p id="piped">{{ include 'partials/p.html' | string.size }}</p>
            <p id="captured">{{ y | string.size }}</p>
            """);

        Assert.Contains("<p id=\"direct\"><em>Alpha talks</em>\n</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"assigned\"><em>Alpha talks</em>\n</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"piped\">21</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"captured\">21</p>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<em>Alpha talks</em>").Length - 1);
    }

    [Fact]
    public async Task A_partial_included_from_an_indented_line_keeps_its_lines_as_written()
    {
        var html = await ArticlePageAsync("""
            -- templates/partials/code.html --
            <pre>first
            second</pre>
            -- templates/article.html --
            <div>
                {{ include 'partials/code.html' }}
            </div>
            """);

        Assert.Contains("    <pre>first\nsecond</pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_reading_a_variable_its_caller_forgot_to_set_is_reported_on_that_page_only()
    {
        using var site = TempSite.Create(Articles + "\n" + """
            -- templates/partials/p.html --
            <span>{{ label }}</span>
            -- templates/article.html --
            {{~ if page.article.title != "Gamma culture"; label = "set"; end ~}}
            {{ include 'partials/p.html' }}{{ include 'partials/p.html' }}
            """);

        var result = await site.CheckAsync();

        var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.TemplateRuntime, "templates/partials/p.html", 1, 10);
        Assert.Contains("/c/", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public async Task A_partial_that_sets_its_own_variable_before_reading_it_renders_right_on_every_page()
    {
        using var site = TempSite.Create(Articles + "\n" + """
            -- templates/partials/sum.html --
            {{~ if page.article; total = 0; end ~}}
            {{~ for n in [1, 2, 3]; total = total + n; end ~}}
            <span>{{ total }}</span>
            -- templates/article.html --
            {{ include 'partials/sum.html' }}{{ include 'partials/sum.html' }}
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        foreach (var slug in new[] { "a", "b", "c" })
        {
            Assert.Contains("<span>6</span>\n<span>6</span>", site.ReadOutput(slug + "/index.html"), StringComparison.Ordinal);
        }
    }
}
