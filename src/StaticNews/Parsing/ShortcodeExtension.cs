using Markdig;
using Markdig.Renderers;

namespace StaticNews.Parsing;

/// <summary>Adds shortcode lines (<c>{{&lt; name args &gt;}}</c>) to a Markdig pipeline.</summary>
public sealed class ShortcodeExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<ShortcodeParser>())
        {
            pipeline.BlockParsers.Insert(0, new ShortcodeParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ShortcodeRenderer>())
        {
            html.ObjectRenderers.Insert(0, new ShortcodeRenderer());
        }
    }
}
