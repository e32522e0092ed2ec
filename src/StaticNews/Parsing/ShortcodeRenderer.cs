using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace StaticNews.Parsing;

/// <summary>Writes the HTML the build resolved for a shortcode.</summary>
public sealed class ShortcodeRenderer : HtmlObjectRenderer<ShortcodeBlock>
{
    protected override void Write(HtmlRenderer renderer, ShortcodeBlock obj)
    {
        if (obj.RenderedHtml is { } html)
        {
            renderer.EnsureLine();
            renderer.Write(html);
            renderer.EnsureLine();
        }
    }
}
