using Scriban;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Which partials have their output reused between pages, keyed on what: the analysis, and whole builds through it.</summary>
public sealed class MemoizablePartialsTests
{
    private static Dictionary<string, string[]> Find(params (string Name, string Text)[] templates)
    {
        var facts = PartialAnalyzer.AnalyseAll(templates.ToDictionary(t => t.Name, t => Template.Parse(t.Text, t.Name), StringComparer.Ordinal));
        var constants = SiteWidePartials.ConstantGlobals(["format_date", "relative_url"], new TemplateContext().BuiltinObject.Keys);
        var siteWide = SiteWidePartials.Find(facts, constants);
        return MemoizablePartials.Find(facts, siteWide, constants).ToDictionary(p => p.Key, p => p.Value.Select(e => e.ToString()!).ToArray(), StringComparer.Ordinal);
    }

    [Fact]
    public void A_card_is_keyed_on_the_members_it_reads_of_its_caller_variables_not_on_its_own_loop_or_locals()
    {
        var found = Find(
            ("page.html", "{{ for card in page.articles }}{{ include 'card.html' }}{{ end }}"),
            ("card.html", "{{ shown = card.image }}{{ if shown }}<img src=\"{{ card.image.url }}\">{{ end }}<h2>{{ card.title }}</h2>{{ for a in card.authors }}{{ a.name }}{{ if !for.last }}, {{ end }}{{ end }}{{ format_date card.date }}{{ site.title }}"));

        Assert.Equal(["card.authors", "card.date", "card.image", "card.title"], found["card.html"]);
        Assert.False(found.ContainsKey("page.html"), "Page templates are rendered per page, not included.");
    }

    [Fact]
    public void A_variable_read_before_the_partial_sets_it_is_an_input()
    {
        var found = Find(("page.html", "{{ include 'p.html' }}"), ("p.html", "{{ x }}{{ x = 1 }}{{ x }}"));

        Assert.Equal(["x"], found["p.html"]);
    }

    [Theory]
    [InlineData("{{ page.seen = true }}")]
    [InlineData("{{ func f; ret 1; end }}")]
    [InlineData("{{ counter++ }}")]
    [InlineData("{{ include page.partial }}")]
    [InlineData("{{ include 'other.html' }}")]
    public void A_partial_with_effects_or_page_dependent_includes_is_not_reused(string text)
    {
        var found = Find(("page.html", "{{ include 'p.html' }}"), ("p.html", text), ("other.html", "{{ page.url }}{{ page.seen = true }}"));

        Assert.False(found.ContainsKey("p.html"));
    }

    [Fact]
    public void A_partial_including_a_memoizable_one_is_keyed_on_what_both_read()
    {
        var found = Find(
            ("page.html", "{{ for author in page.authors }}{{ include 'box.html' }}{{ end }}"),
            ("box.html", "<h3>{{ author.name }}</h3>{{ include 'links.html' }}{{ include 'footer.html' }}"),
            ("links.html", "{{ if author.website }}<a href=\"{{ author.website }}\">Website</a>{{ end }}{{ for link in author.social }}{{ link.url }}{{ end }}"),
            ("footer.html", "{{ site.title }}"));

        Assert.Equal(["author.social", "author.website"], found["links.html"]);
        Assert.Equal(["author.name", "author.social", "author.website"], found["box.html"]);
    }

    [Theory]
    [InlineData("{{ author = page.lead }}{{ include 'links.html' }}")]
    [InlineData("{{ for author in page.authors }}{{ include 'links.html' }}{{ end }}")]
    [InlineData("{{ include 'first.html' }}")]
    public void A_partial_including_one_that_reads_what_it_sets_or_loop_state_is_not_reused(string text)
    {
        var found = Find(
            ("page.html", "{{ include 'p.html' }}{{ for x in page.items }}{{ include 'links.html' }}{{ include 'first.html' }}{{ end }}"),
            ("p.html", text),
            ("links.html", "{{ author.website }}"),
            ("first.html", "{{ if for.first }}first{{ end }}"));

        Assert.Equal(["author.website"], found["links.html"]);
        Assert.Equal(["for.first"], found["first.html"]);
        Assert.False(found.ContainsKey("p.html"));
    }

    [Fact]
    public void A_partial_that_sets_a_variable_another_template_reads_is_not_reused()
    {
        var found = Find(("page.html", "{{ include 'p.html' }}{{ current }}"), ("p.html", "{{ current = page.url }}"));

        Assert.False(found.ContainsKey("p.html"));
    }

    [Fact]
    public void A_loop_variable_does_not_outlive_its_loop_so_it_is_not_an_effect()
    {
        var template = Template.Parse("{{ for x in [1, 2] }}{{ end }}{{ x }}");

        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => template.Render(new TemplateContext { StrictVariables = true }));
    }

    [Fact]
    public async Task Reused_cards_and_headers_still_show_each_page_its_own_articles_and_current_section()
    {
        var articles = string.Concat(Enumerable.Range(1, 12).Select(i => $"""
            -- articles/story-{i:00}.md --
            ---
            title: Story number {i:00}
            date: 2026-01-{i:00}
            author: jane-doe
            category: {(i % 2 == 0 ? "world" : "culture")}
            tags: [common]
            ---
            Body {i}.

            """));
        using var site = TempSite.Create(articles);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var world = site.ReadOutput("category/world/index.html");
        var culture = site.ReadOutput("category/culture/index.html");
        Assert.Contains("Story number 12", world, StringComparison.Ordinal);
        Assert.DoesNotContain("Story number 11", world, StringComparison.Ordinal);
        Assert.Contains("Story number 11", culture, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">World<", world, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Culture<", culture, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-current=\"page\">World<", culture, StringComparison.Ordinal);
        var tagPage2 = site.ReadOutput("tag/common/page/2/index.html");
        Assert.Contains("Story number 10", tagPage2, StringComparison.Ordinal);
        Assert.DoesNotContain("Story number 12", tagPage2, StringComparison.Ordinal);
    }
}
