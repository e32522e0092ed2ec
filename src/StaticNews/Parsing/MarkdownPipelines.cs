using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.AutoLinks;

namespace StaticNews.Parsing;

/// <summary>The Markdig pipelines of a build (thread-safe, each built once).</summary>
public static class MarkdownPipelines
{
    public static MarkdownPipeline Create(bool allowRawHtml = true) => Create(allowRawHtml, headingLabels: true, bareLinks: true);

    /// <summary>
    /// The same pipeline without two features most bodies never use, which <see cref="MarkdownBody"/> parses every body through
    /// first (see there for when it parses again with <see cref="Create(bool)"/>'s):
    /// <list type="bullet">
    /// <item>Headings are not registered as link labels (in <see cref="Create(bool)"/>'s, <c>[Key points]</c> links to the
    /// heading <c>## Key points</c>). Markdig compares labels through ICU, whose set-up for that costs 15 ms of a core on
    /// first use.</item>
    /// <item>Bare links (<c>https://…</c>, <c>www.…</c> in the text) stay text. Markdig's parser for them is called at every
    /// h, f, m, t and w of the text and splits its runs of plain text there (1.6 % of a cold build's CPU in the parser
    /// alone).</item>
    /// </list>
    /// </summary>
    public static MarkdownPipeline CreateLean() => Create(allowRawHtml: true, headingLabels: false, bareLinks: false);

    private static MarkdownPipeline Create(bool allowRawHtml, bool headingLabels, bool bareLinks)
    {
        var builder = new MarkdownPipelineBuilder();
        builder.Extensions.Add(new ShortcodeExtension());
        builder.UseAdvancedExtensions();
        if (!headingLabels)
        {
            builder.Extensions.ReplaceOrAdd<AutoIdentifierExtension>(new AutoIdentifierExtension(AutoIdentifierOptions.Default & ~AutoIdentifierOptions.AutoLink));
        }

        if (!bareLinks)
        {
            builder.Extensions.TryRemove<AutoLinkExtension>();
        }

        if (!allowRawHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }
}
