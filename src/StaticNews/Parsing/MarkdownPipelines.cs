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
}
