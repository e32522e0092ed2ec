namespace StaticNews.Tests.Differential;

/// <summary>
/// An article or author file as a writer edits it: the front matter's lines and the body, changed a key at a time. A key's
/// block is its line and the indented or dashed lines under it (<c>corrections:</c> with its items).
/// </summary>
internal sealed class FrontMatterText
{
    private const string Fence = "---\n";

    private FrontMatterText(List<string> lines, string body)
    {
        Lines = lines;
        Body = body;
    }

    public List<string> Lines { get; }

    public string Body { get; set; }

    /// <summary>The file's parts, or null when it has no closed front matter (a writer broke it).</summary>
    public static FrontMatterText? Parse(string text)
    {
        if (!text.StartsWith(Fence, StringComparison.Ordinal))
        {
            return null;
        }

        var close = text.IndexOf("\n" + Fence, Fence.Length - 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var yaml = text[Fence.Length..(close + 1)];
        var lines = yaml.Length == 0 ? [] : yaml.TrimEnd('\n').Split('\n').ToList();
        return new FrontMatterText(lines, text[(close + 1 + Fence.Length)..]);
    }

    /// <summary>A plain YAML file (<c>site.yml</c>) as a front matter without fences or body: <see cref="Yaml"/> gives it back.</summary>
    public static FrontMatterText FromYaml(string yaml) => new(yaml.TrimEnd('\n').Split('\n').ToList(), string.Empty);

    /// <summary>The lines alone, as a plain YAML file.</summary>
    public string Yaml() => string.Concat(Lines.Select(l => l + "\n"));

    /// <summary>The one-line value of <paramref name="key"/> without quotes, or null when the key is absent.</summary>
    public string? Get(string key)
    {
        var at = IndexOf(key);
        return at < 0 ? null : Lines[at][(key.Length + 1)..].Trim().Trim('"');
    }

    public bool Has(string key) => IndexOf(key) >= 0;

    /// <summary>Sets <paramref name="key"/> to a one-line value, where the key was or at the end.</summary>
    public void Set(string key, string value) => SetBlock(key, [$"{key}: {value}"]);

    /// <summary>Replaces the key's whole block (its line and the lines under it) with <paramref name="block"/>, or removes it when empty.</summary>
    public void SetBlock(string key, IReadOnlyList<string> block)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            Lines.AddRange(block);
            return;
        }

        var end = at + 1;
        while (end < Lines.Count && (Lines[end].StartsWith(' ') || Lines[end].StartsWith('-')))
        {
            end++;
        }

        Lines.RemoveRange(at, end - at);
        Lines.InsertRange(at, block);
    }

    public void Remove(string key) => SetBlock(key, []);

    public override string ToString() => Fence + Yaml() + Fence + Body;

    private int IndexOf(string key) => Lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
}
