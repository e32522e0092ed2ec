namespace StaticNews.Benchmarks;

/// <summary>Edits a generated article's front matter (<c>key: value</c> lines between <c>---</c> fences) as a writer would, one key at a time.</summary>
internal static class FrontMatterEdit
{
    private const string Fence = "---\n";

    /// <summary><paramref name="text"/> with <paramref name="key"/> set to <paramref name="value"/>: its line replaced, or added at the end of the front matter.</summary>
    public static string Set(string text, string key, string value)
    {
        if (!text.StartsWith(Fence, StringComparison.Ordinal) || text.IndexOf("\n" + Fence, Fence.Length - 1, StringComparison.Ordinal) is not (>= 0 and var end))
        {
            throw new ArgumentException("The text has no front matter between '---' fences.", nameof(text));
        }

        var lines = text[Fence.Length..(end + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var line = $"{key}: {value}";
        var index = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (index >= 0)
        {
            lines[index] = line;
        }
        else
        {
            lines.Add(line);
        }

        return Fence + string.Join('\n', lines) + "\n" + text[(end + 1)..];
    }
}
