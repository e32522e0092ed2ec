using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticNews.Parsing;

/// <summary>
/// A cheap scan of a Markdown body for block nesting (quotes and lists) deeper than any article needs. Markdig builds and
/// renders nested blocks recursively, so thousands of levels could exhaust the stack; such a body is refused before parsing.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>Deeper nesting than this is refused. Real articles rarely go past 5 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>True when a line opens more than <see cref="MaxDepth"/> levels; <paramref name="line"/> is its 1-based number in the body.</summary>
    public static bool ExceedsMaxDepth(string body, out int line)
    {
        line = 1;
        var start = 0;
        var inFence = false;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            var text = body.AsSpan(start, end - start);
            var trimmed = text.TrimStart(' ');
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                // Lines inside fenced code are not Markdown: deep indentation there is just code.
                inFence = !inFence;
            }
            else if (!inFence && DepthOf(text) > MaxDepth)
            {
                return true;
            }

            start = end + 1;
            line++;
        }

        line = 0;
        return false;
    }

    /// <summary>
    /// The parsed tree nested deeper than <see cref="MaxDepth"/> (blocks and inlines together, e.g. emphasis inside emphasis):
    /// Markdig's renderer refuses such trees with an exception. <paramref name="deepest"/> is the first node found past the limit.
    /// </summary>
    public static bool ExceedsMaxDepth(MarkdownDocument document, out MarkdownObject? deepest)
    {
        deepest = FirstPastMaxDepth(document, 0);
        return deepest is not null;
    }

    /// <summary>
    /// The first node below <paramref name="node"/> (at <paramref name="depth"/>) deeper than <see cref="MaxDepth"/>, or null.
    /// The walk goes no deeper than one level past the limit, so it cannot exhaust the stack however deep the tree.
    /// </summary>
    private static MarkdownObject? FirstPastMaxDepth(MarkdownObject node, int depth)
    {
        if (depth > MaxDepth)
        {
            return node;
        }

        switch (node)
        {
            case ContainerBlock container:
                foreach (var child in container)
                {
                    if (FirstPastMaxDepth(child, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case LeafBlock { Inline: { } inline }:
                return FirstPastMaxDepth(inline, depth + 1);
            case ContainerInline inlines:
                for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                {
                    if (FirstPastMaxDepth(child, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    /// <summary>Quote and list markers at the start of the line, plus one level per two columns of indentation (beyond the one space a marker takes).</summary>
    internal static int DepthOf(ReadOnlySpan<char> line)
    {
        var markers = 0;
        var indent = 0;
        var afterMarker = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                var width = c == ' ' ? 1 : 4;
                indent += afterMarker ? width - 1 : width;
                afterMarker = false;
                i++;
                continue;
            }

            var length = c switch
            {
                '>' => 1,
                '-' or '*' or '+' when i + 1 == line.Length || line[i + 1] is ' ' or '\t' => 1,
                _ when char.IsAsciiDigit(c) => OrderedMarkerLength(line[i..]),
                _ => 0,
            };
            if (length == 0)
            {
                break;
            }

            markers++;
            afterMarker = true;
            i += length;
        }

        return markers + (indent / 2);
    }

    private static int OrderedMarkerLength(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits < text.Length && text[digits] is '.' or ')' && (digits + 1 == text.Length || text[digits + 1] is ' ' or '\t') ? digits + 1 : 0;
    }
}
