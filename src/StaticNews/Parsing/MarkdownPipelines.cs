using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace StaticNews.Parsing;

/// <summary>The Markdig pipelines of a build (thread-safe, each built once).</summary>
public static class MarkdownPipelines
{
    public static MarkdownPipeline Create(bool allowRawHtml = true) => Create(allowRawHtml, headingLabels: true);

    /// <summary>
    /// The same pipeline, except that headings are not registered as link labels (in <see cref="Create(bool)"/>'s,
    /// <c>[Key points]</c> links to the heading <c>## Key points</c>). Markdig compares labels through ICU, whose set-up for
    /// that costs 15 ms of a core on first use. <see cref="MarkdownBody"/> parses through it the bodies that cannot tell.
    /// </summary>
    public static MarkdownPipeline CreateWithoutHeadingLabels() => Create(allowRawHtml: true, headingLabels: false);

    private static MarkdownPipeline Create(bool allowRawHtml, bool headingLabels)
    {
        var builder = new MarkdownPipelineBuilder();
        builder.Extensions.Add(new ShortcodeExtension());
        builder.UseAdvancedExtensions();
        if (!headingLabels)
        {
            builder.Extensions.ReplaceOrAdd<AutoIdentifierExtension>(new AutoIdentifierExtension(AutoIdentifierOptions.Default & ~AutoIdentifierOptions.AutoLink));
        }

        if (!allowRawHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }
}
