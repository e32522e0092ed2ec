using System.Text.RegularExpressions;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Structure a screen reader relies on, checked on every page of the sample newsroom.</summary>
public sealed partial class ThemeAccessibilityTests(SampleSiteBuild sample) : IClassFixture<SampleSiteBuild>
{
    [GeneratedRegex("<h([1-6])[ >]")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<img\\b[^>]*>")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("<nav\\b[^>]*>")]
    private static partial Regex NavPattern();

    private void ForEveryPage(Action<string, string> check)
    {
        DiagnosticAssert.NoErrors(sample.Result.Diagnostics);
        Assert.NotEmpty(sample.Pages);
        foreach (var (path, html) in sample.Pages)
        {
            check(path, html);
        }
    }

    [Fact]
    public void Every_page_has_exactly_one_h1() => ForEveryPage((path, html) =>
        Assert.True(HeadingPattern().Matches(html).Count(m => m.Groups[1].Value == "1") == 1, $"{path} must have exactly one h1."));

    [Fact]
    public void Headings_start_at_h1_and_never_skip_a_level() => ForEveryPage((path, html) =>
    {
        var levels = HeadingPattern().Matches(html).Select(m => m.Groups[1].Value[0] - '0').ToList();
        Assert.True(levels.Count > 0 && levels[0] == 1, $"{path}: the first heading must be the h1, got h{levels.FirstOrDefault()}.");
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: h{levels[i - 1]} is followed by h{levels[i]}.");
        }
    });

    [Fact]
    public void Every_page_declares_its_language_and_has_the_landmarks_and_a_skip_link() => ForEveryPage((path, html) =>
    {
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<main id=\"main\""));
        Assert.Contains("<header class=\"site-header\">", html, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"site-footer\">", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"site-nav\" aria-label=\"Sections\">", html, StringComparison.Ordinal);
    });

    [Fact]
    public void Every_navigation_has_a_label_and_every_image_an_alt() => ForEveryPage((path, html) =>
    {
        foreach (Match nav in NavPattern().Matches(html))
        {
            Assert.True(nav.Value.Contains("aria-label=\"", StringComparison.Ordinal), $"{path}: {nav.Value} has no aria-label.");
        }

        foreach (Match image in ImagePattern().Matches(html))
        {
            Assert.True(image.Value.Contains(" alt=\"", StringComparison.Ordinal), $"{path}: {image.Value} has no alt.");
        }
    });

    [Fact]
    public void Article_heroes_describe_their_image_and_listing_pages_mark_the_current_page()
    {
        var article = sample.Pages.Single(p => p.Path == "leaders-exchange-messages-after-re-election/index.html").Html;
        Assert.Matches("<figure class=\"hero\">\\s*<img src=\"[^\"]+\" alt=\"[^\"]{10,}\">\\s*<figcaption>", article);
        Assert.Contains("<li><span aria-current=\"page\">", article, StringComparison.Ordinal);

        var secondPage = sample.Pages.Single(p => p.Path == "page/2/index.html").Html;
        Assert.Contains("aria-current=\"page\" aria-label=\"Page 2\">2</a>", secondPage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stylesheet_has_dark_mode_visible_focus_and_no_external_resources()
    {
        var css = File.ReadAllText(Path.Combine(sample.Output, "assets", "css", "site.css"));

        Assert.Contains("@media (prefers-color-scheme: dark)", css, StringComparison.Ordinal);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(http", css, StringComparison.Ordinal);
        ForEveryPage((path, html) => Assert.False(HtmlText.WithoutThemeScripts(path, html).Contains("<script", StringComparison.Ordinal), $"{path} needs no script (only the search page loads search.js)."));
    }
}
