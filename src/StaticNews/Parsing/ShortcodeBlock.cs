using Markdig.Parsers;
using Markdig.Syntax;

namespace StaticNews.Parsing;

/// <summary>A line <c>{{&lt; name args &gt;}}</c> in Markdown. The build resolves it and sets <see cref="RenderedHtml"/>.</summary>
public sealed class ShortcodeBlock(BlockParser parser) : LeafBlock(parser)
{
    public string Name { get; set; } = string.Empty;
    public IReadOnlyList<ShortcodeArgument> Arguments { get; set; } = [];
    public bool IsUnclosed { get; set; }

    /// <summary>Set when the build has resolved the shortcode; the renderer writes it as is.</summary>
    public string? RenderedHtml { get; set; }

    public string? Positional(int index)
    {
        var i = 0;
        foreach (var argument in Arguments)
        {
            if (argument.Name is null && i++ == index)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public string? Named(string name)
    {
        foreach (var argument in Arguments)
        {
            if (string.Equals(argument.Name, name, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
