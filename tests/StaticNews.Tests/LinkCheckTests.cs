using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>What only <c>check</c> verifies: internal links, anchors and images of published articles.</summary>
public sealed class LinkCheckTests
{
    private const string Target = """
        -- articles/trade-deal.md --
        ---
        title: Trade deal signed
        date: 2024-01-01
        author: jane-doe
        category: world
        image: /images/port.png
        ---
        ## Key points
        The deal was signed.
        -- static/images/port.png --
        (image bytes)
        -- static/files/deal.pdf --
        (pdf bytes)
        """;

    /// <summary>A site whose articles/talks.md has <paramref name="line"/> at file line 9.</summary>
    private static TempSite SiteWith(string line, string frontMatterExtra = "") => TempSite.Create(Target + $"""

        -- articles/talks.md --
        ---
        title: Talks
        date: 2024-01-02
        author: jane-doe
        category: world{frontMatterExtra}
        ---
        Intro.

        {line}
        """);

    private static async Task<IReadOnlyList<Diagnostic>> CheckAsync(string line, string frontMatterExtra = "")
    {
        using var site = SiteWith(line, frontMatterExtra);
        return (await site.CheckAsync()).Diagnostics;
    }

    [Theory]
    [InlineData("[deal](/trade-deal/)")]
    [InlineData("[deal](/trade-deal)")]
    [InlineData("[deal](https://example.org/trade-deal/)")]
    [InlineData("[deal](../trade-deal/)")]
    [InlineData("[deal](/trade-deal/#key-points)")]
    [InlineData("[deal](ref:trade-deal#key-points)")]
    [InlineData("[top](#intro-anchor) <a id=\"intro-anchor\"></a>")]
    [InlineData("[pdf](/files/deal.pdf)")]
    [InlineData("[css](/assets/css/site.css)")]
    [InlineData("[tag index](/tags/)")]
    [InlineData("[elsewhere](https://example.com/nothing-here) [mail](mailto:desk@example.org)")]
    [InlineData("![The port](/images/port.png)")]
    [InlineData("{{< figure src=\"/images/port.png\" alt=\"The port\" >}}")]
    public async Task Links_and_images_that_resolve_pass(string line) =>
        DiagnosticAssert.NoErrors(await CheckAsync(line));

    [Fact]
    public async Task A_link_to_a_missing_page_is_an_error_at_the_link()
    {
        var diagnostic = DiagnosticAssert.Single(await CheckAsync("See [the archive](/archives/2023/)."), DiagnosticCodes.LinkBroken, "articles/talks.md", 9, 5);

        Assert.Equal("The link '/archives/2023/' leads to no page or file of the site; check the path, or link an article by its slug with (ref:SLUG).", diagnostic.Message);
    }

    [Fact]
    public async Task A_link_by_bare_slug_is_reported_with_the_ref_form_to_use()
    {
        var diagnostic = DiagnosticAssert.Single(await CheckAsync("[deal](trade-deal)"), DiagnosticCodes.LinkBroken, "articles/talks.md", 9, 1);

        Assert.Equal("The link 'trade-deal' leads to no page or file of the site; to link the article 'trade-deal', write (ref:trade-deal).", diagnostic.Message);
    }

    [Fact]
    public async Task A_relative_link_that_is_not_a_valid_url_is_reported_not_thrown() =>
        DiagnosticAssert.Single(await CheckAsync("[odd](<a%zz b>)"), DiagnosticCodes.LinkBroken, "articles/talks.md", 9, 1);

    [Fact]
    public async Task A_link_to_a_missing_static_file_is_an_error() =>
        DiagnosticAssert.Single(await CheckAsync("[pdf](/files/contract.pdf)"), DiagnosticCodes.LinkBroken, "articles/talks.md", 9, 1);

    [Fact]
    public async Task An_anchor_that_no_heading_of_the_target_has_is_an_error_listing_the_ids()
    {
        var diagnostic = DiagnosticAssert.Single(await CheckAsync("[deal](/trade-deal/#key-point)"), DiagnosticCodes.AnchorMissing, "articles/talks.md", 9, 1);

        Assert.StartsWith("The link '/trade-deal/#key-point' points to '#key-point', which is not an id on /trade-deal/index.html; ids there: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("#key-points", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ref_link_anchor_is_checked_against_the_target_article() =>
        DiagnosticAssert.Single(await CheckAsync("[deal](ref:trade-deal#nope)"), DiagnosticCodes.AnchorMissing, "articles/talks.md", 9, 1);

    [Fact]
    public async Task An_anchor_into_the_same_article_must_exist_there() =>
        DiagnosticAssert.Single(await CheckAsync("[below](#conclusion)"), DiagnosticCodes.AnchorMissing, "articles/talks.md", 9, 1);

    [Fact]
    public async Task A_markdown_image_missing_from_static_is_an_error()
    {
        var diagnostic = DiagnosticAssert.Single(await CheckAsync("Text ![The port](/images/harbour.png)"), DiagnosticCodes.ImageMissing, "articles/talks.md", 9, 6);

        Assert.Equal("The image '/images/harbour.png' does not exist; add static/images/harbour.png or fix the path.", diagnostic.Message);
    }

    [Fact]
    public async Task A_figure_shortcode_image_missing_from_static_is_an_error() =>
        DiagnosticAssert.Single(await CheckAsync("{{< figure src=\"/images/harbour.png\" alt=\"x\" >}}"), DiagnosticCodes.ImageMissing, "articles/talks.md", 9, 1);

    [Fact]
    public async Task A_front_matter_image_missing_from_static_is_an_error_at_its_value() =>
        DiagnosticAssert.Single(await CheckAsync("Text.", "\nimage: /images/harbour.png"), DiagnosticCodes.ImageMissing, "articles/talks.md", 6, 8);

    [Fact]
    public async Task A_build_does_not_check_links_only_check_does()
    {
        using var site = SiteWith("[gone](/nowhere/)");

        var build = await site.BuildAsync();
        var check = await site.CheckAsync();

        DiagnosticAssert.NoErrors(build.Diagnostics);
        DiagnosticAssert.Single(check.Diagnostics, DiagnosticCodes.LinkBroken, "articles/talks.md", 9, 1);
    }

    [Fact]
    public async Task Links_in_drafts_are_checked_only_when_drafts_are_included()
    {
        using var site = SiteWith("[gone](/nowhere/)", "\ndraft: true");

        var without = await site.CheckAsync();
        var with = await site.CheckAsync(o => o with { IncludeDrafts = true });

        Assert.DoesNotContain(without.Diagnostics, d => d.Code == DiagnosticCodes.LinkBroken.Code);
        DiagnosticAssert.Single(with.Diagnostics, DiagnosticCodes.LinkBroken, "articles/talks.md", 10, 1);
    }
}
