namespace StaticNews.Parsing;

/// <summary>Finds the YAML front matter fenced by '---' lines at the top of a file whose newlines are already '\n'.</summary>
public static class FrontMatterSplitter
{
    public static FrontMatterSplit Split(string text)
    {
        var bounds = Find(text);
        return new FrontMatterSplit(bounds.Status, text[bounds.Yaml], bounds.YamlFirstLine, text[bounds.BodyStart..], bounds.BodyFirstLine);
    }

    /// <summary>Where the front matter and the body of <paramref name="text"/> are, without copying either.</summary>
    internal static FrontMatterBounds Find(ReadOnlySpan<char> text)
    {
        if (!IsFence(FirstLine(text, 0, out var afterOpening)))
        {
            return new FrontMatterBounds(FrontMatterStatus.Missing, 0..0, 0, 0, 1);
        }

        var line = 2;
        var position = afterOpening;
        while (position < text.Length)
        {
            var content = FirstLine(text, position, out var next);
            if (IsFence(content) || content.TrimEnd() is "...")
            {
                return new FrontMatterBounds(FrontMatterStatus.Present, afterOpening..position, 2, next, line + 1);
            }

            position = next;
            line++;
        }

        return new FrontMatterBounds(FrontMatterStatus.Unclosed, afterOpening..text.Length, 2, text.Length, line);
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd() is "---";

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text, int start, out int next)
    {
        var end = text[start..].IndexOf('\n');
        if (end < 0)
        {
            next = text.Length;
            return text[start..];
        }

        next = start + end + 1;
        return text.Slice(start, end);
    }
}
