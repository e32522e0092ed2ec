using StaticNews.Diagnostics;
using StaticNews.Parsing;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// Bodies are parsed without Markdig's heading labels unless they could use one, and render exactly as with them:
/// <c>[Key points]</c> still links to the heading <c>## Key points</c>.
/// </summary>
public sealed class HeadingLabelsTests
{
    [Theory]
    [InlineData("## Key points\n\nSee [Key points] above.\n")]
    [InlineData("## Key points\n\nSee [the points][Key points], or [key POINTS][].\n")]
    [InlineData("## Key points\n\nA [link](https://example.org/) and *emphasis*.\n")]
    [InlineData("## Key points\n\nHe said [sic] twice, and [this] is no heading.\n")]
    [InlineData("No heading, a [bracket] and [a link](/x/).\n")]
    [InlineData("# Title\n\nA footnote[^1].\n\n[^1]: The note.\n")]
    [InlineData("## Key points\n\n[key points]: https://example.org/explicit\n\nSee [Key points].\n")]
    [InlineData("Setext heading\n---\n\nSee [Setext heading] and `[Setext heading]` in code.\n")]
    [InlineData("## Café talks\n\nSee [Café talks] and [Cafe talks].\n")]
    public void A_body_renders_as_through_the_pipeline_with_heading_labels(string markdown) => LeanParsing.AssertRendersAsFull(markdown);

    [Fact]
    public void A_body_whose_brackets_are_all_links_is_parsed_without_heading_labels_and_one_that_may_use_them_with()
    {
        Assert.Same(LeanParsing.Lean, LeanParsing.PipelineOf("## Key points\n\nA [link](https://example.org/).\n"));
        Assert.Same(LeanParsing.Full, LeanParsing.PipelineOf("## Key points\n\nSee [Key points].\n"));
    }

    [Fact]
    public void A_warning_of_a_body_parsed_again_is_reported_once()
    {
        const string markdown = "## Key points\n\n<b>bold</b> and [Key points].\n";
        var once = new DiagnosticBag();
        var diagnostics = new DiagnosticBag();

        MarkdownBody.Parse(LeanParsing.Document(markdown), LeanParsing.Full, allowRawHtml: false, once);
        var used = LeanParsing.PipelineOf(markdown, allowRawHtml: false, diagnostics);

        Assert.Same(LeanParsing.Full, used);
        Assert.NotEmpty(once.ToSortedList());
        Assert.Equal(once.ToSortedList(), diagnostics.ToSortedList());
    }

    [Fact]
    public async Task An_article_linking_to_its_own_heading_by_label_gets_the_link()
    {
        var html = await LeanParsing.ArticlePageAsync("## Key points\n\nDelegations met again; see [Key points] and [the ministry](https://example.org/).");

        Assert.Contains("<h2 id=\"key-points\">Key points</h2>", html, StringComparison.Ordinal);
        Assert.Contains("see <a href=\"#key-points\">Key points</a>", html, StringComparison.Ordinal);
    }
}
