using Markdig;
using StaticNews.Diagnostics;
using StaticNews.Parsing;

namespace StaticNews.Tests.Infrastructure;

/// <summary>
/// Bodies parsed as a build parses them (through the lean pipeline first, see <see cref="MarkdownBody"/>), held to what the
/// full pipeline gives.
/// </summary>
public static class LeanParsing
{
    public static readonly MarkdownPipeline Full = MarkdownPipelines.Create();

    public static readonly MarkdownPipeline Lean = MarkdownPipelines.CreateLean();

    /// <summary>The pipeline a build would render <paramref name="markdown"/> with.</summary>
    public static MarkdownPipeline PipelineOf(string markdown, bool allowRawHtml = true, DiagnosticBag? diagnostics = null)
    {
        MarkdownBody.Parse(Document(markdown), Full, Lean, allowRawHtml, diagnostics ?? new DiagnosticBag(), out var used);
        return used;
    }

    /// <summary>Asserts that <paramref name="markdown"/>, parsed as a build parses it, renders as through the full pipeline.</summary>
    public static void AssertRendersAsFull(string markdown)
    {
        var body = MarkdownBody.Parse(Document(markdown), Full, Lean, allowRawHtml: true, new DiagnosticBag(), out var used);

        Assert.NotNull(body);
        Assert.Equal(Markdown.ToHtml(markdown, Full), body.ToHtml(used));
    }

    /// <summary>The page of a one-article site whose body is <paramref name="body"/>, built as a user builds it.</summary>
    public static async Task<string> ArticlePageAsync(string body)
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle.Replace("Delegations met again.", body, StringComparison.Ordinal));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return site.ReadOutput("talks/index.html");
    }

    /// <summary>An article body of <paramref name="markdown"/>, starting on line 3.</summary>
    public static ParsedDocument Document(string markdown) =>
        new("articles/test.md", new YamlSource("articles/test.md", null, 1) { Text = string.Empty }, 3, markdown);
}
