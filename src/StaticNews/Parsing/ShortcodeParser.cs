using System.Text;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace StaticNews.Parsing;

/// <summary>Parses a line that is one shortcode: <c>{{&lt; also-read some-slug &gt;}}</c>, <c>{{&lt; figure src="/a.png" alt="…" &gt;}}</c>.</summary>
public sealed class ShortcodeParser : BlockParser
{
    private const string Open = "{{<";
    private const string CloseMarker = ">}}";

    public ShortcodeParser()
    {
        OpeningCharacters = ['{'];
    }

    public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line;
        var text = line.Text.AsSpan(line.Start, line.Length);
        if (!text.StartsWith(Open, StringComparison.Ordinal))
        {
            return BlockState.None;
        }

        var block = new ShortcodeBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
        };

        var close = text.IndexOf(CloseMarker, StringComparison.Ordinal);
        if (close < 0)
        {
            block.IsUnclosed = true;
        }
        else
        {
            var inner = text[Open.Length..close].Trim();
            var (name, arguments) = ParseInner(inner.ToString());
            block.Name = name;
            block.Arguments = arguments;
        }

        processor.NewBlocks.Push(block);
        return BlockState.BreakDiscard;
    }

    internal static (string Name, IReadOnlyList<ShortcodeArgument> Arguments) ParseInner(string inner)
    {
        var tokens = new List<ShortcodeArgument>();
        var name = string.Empty;
        var i = 0;
        while (i < inner.Length)
        {
            if (inner[i].IsWhitespace())
            {
                i++;
                continue;
            }

            string? key = null;
            var value = ReadValue(inner, ref i);
            if (i < inner.Length && inner[i] == '=' && value.Quoted is false)
            {
                i++;
                key = value.Text;
                value = ReadValue(inner, ref i);
            }

            if (name.Length == 0 && key is null && tokens.Count == 0 && !value.Quoted)
            {
                name = value.Text;
            }
            else
            {
                tokens.Add(new ShortcodeArgument(key, value.Text));
            }
        }

        return (name, tokens);
    }

    private static (string Text, bool Quoted) ReadValue(string inner, ref int i)
    {
        if (i < inner.Length && inner[i] is '"' or '\'' or '“')
        {
            var quote = inner[i] == '“' ? '”' : inner[i];
            var builder = new StringBuilder();
            i++;
            while (i < inner.Length && inner[i] != quote)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    i++;
                }

                builder.Append(inner[i++]);
            }

            i++;
            return (builder.ToString(), true);
        }

        var start = i;
        while (i < inner.Length && !inner[i].IsWhitespace() && inner[i] != '=')
        {
            i++;
        }

        return (inner[start..i], false);
    }
}
