using Scriban;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class SiteWidePartialsTests
{
    private static IReadOnlySet<string> Find(params (string Name, string Text)[] templates) =>
        SiteWidePartials.Find(templates.ToDictionary(t => t.Name, t => Template.Parse(t.Text, t.Name), StringComparer.Ordinal), ["format_date", "relative_url"], new TemplateContext().BuiltinObject.Keys);

    [Fact]
    public void A_partial_that_reads_only_the_site_and_its_own_loop_variables_is_site_wide()
    {
        var found = Find(("footer.html", "{{ for c in site.categories }}<a href=\"{{ c.url }}\">{{ c.name | string.upcase }}</a>{{ end }}{{ relative_url '/tags/' }}"));

        Assert.Contains("footer.html", found);
    }

    [Theory]
    [InlineData("{{ page.title }}")]
    [InlineData("{{ card.title }}")]
    [InlineData("{{ content }}")]
    [InlineData("{{ include name }}")]
    public void A_partial_that_reads_anything_a_page_sets_is_rendered_for_every_page(string text)
    {
        Assert.DoesNotContain("partial.html", Find(("partial.html", text)));
    }

    [Fact]
    public void Including_a_page_dependent_partial_makes_a_partial_page_dependent()
    {
        var found = Find(("outer.html", "{{ include 'inner.html' }}{{ include 'plain.html' }}"), ("inner.html", "{{ page.url }}"), ("plain.html", "{{ site.title }}"));

        Assert.DoesNotContain("outer.html", found);
        Assert.Contains("plain.html", found);
    }

    [Fact]
    public async Task The_theme_footer_is_site_wide_the_page_dependent_partials_are_not_and_pages_still_show_them()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2026-01-01
            author: jane-doe
            category: world
            ---
            Body.
            -- data/popular.yml --
            - a
            """);

        var result = await site.BuildAsync();
        var sources = await Discovery.SiteDiscoverer.DiscoverAsync(site.Root, new Diagnostics.DiagnosticBag());
        var theme = Find([.. sources.Templates.Values.Select(t => (t.Name, t.Text))]);

        Assert.Contains("partials/footer.html", theme);
        Assert.DoesNotContain("partials/popular.html", theme); // on category pages it lists the category's most read
        Assert.Contains("partials/follow-us.html", theme);
        Assert.DoesNotContain("partials/header.html", theme);
        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Most Popular", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", site.ReadOutput("category/world/index.html"), StringComparison.Ordinal);
    }
}
