namespace StaticNews.Parsing;

/// <summary>Finds the YAML front matter fenced by '---' lines at the top of a file whose newlines are already '\n'.</summary>
public static class FrontMatterSplitter
{
    public static FrontMatterSplit Split(string text)
    {
        if (!IsFence(FirstLine(text, 0, out var afterOpening)))
        {
            return new FrontMatterSplit(FrontMatterStatus.Missing, string.Empty, 0, text, 1);
        }

        var line = 2;
        var position = afterOpening;
        while (position < text.Length)
        {
            var content = FirstLine(text, position, out var next);
            if (IsFence(content) || content.TrimEnd() is "...")
            {
                var yaml = text[afterOpening..position];
                return new FrontMatterSplit(FrontMatterStatus.Present, yaml, 2, text[next..], line + 1);
            }

            position = next;
            line++;
        }

        return new FrontMatterSplit(FrontMatterStatus.Unclosed, text[afterOpening..], 2, string.Empty, line);
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd() is "---";

    private static ReadOnlySpan<char> FirstLine(string text, int start, out int next)
    {
        var end = text.IndexOf('\n', start);
        if (end < 0)
        {
            next = text.Length;
            return text.AsSpan(start);
        }

        next = end + 1;
        return text.AsSpan(start, end - start);
    }
}
