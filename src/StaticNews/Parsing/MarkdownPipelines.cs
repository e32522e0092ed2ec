using Markdig;

namespace StaticNews.Parsing;

/// <summary>The one Markdig pipeline of a build (thread-safe, built once).</summary>
public static class MarkdownPipelines
{
    public static MarkdownPipeline Create(bool allowRawHtml = true)
    {
        var builder = new MarkdownPipelineBuilder();
        builder.Extensions.Add(new ShortcodeExtension());
        builder.UseAdvancedExtensions();
        if (!allowRawHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }

    /// <summary>
    /// Renders a small document with a heading, so what Markdig sets up for the first one is ready: mostly the ICU collator
    /// behind its case-insensitive link labels (headings register as labels), built on first use, 15 ms of a core. Called
    /// beside the model, it spares that wait to the first body the build renders, which an edit's build waits for.
    /// </summary>
    public static void WarmUp() => Markdown.ToHtml("# Heading\n\nA [link][heading] and *emphasis*.\n", Create());
}
