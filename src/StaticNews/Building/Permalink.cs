namespace StaticNews.Building;

/// <summary>Article URL patterns such as "/:slug/" or "/:year/:month/:slug/".</summary>
internal static class Permalink
{
    private static readonly IReadOnlyList<string> Tokens = PermalinkPattern.TokenNames;

    public static string? Validate(string pattern)
    {
        if (!pattern.StartsWith('/') || !pattern.EndsWith('/'))
        {
            return "it must start and end with '/'";
        }

        if (!pattern.Contains(":slug", StringComparison.Ordinal))
        {
            return "it must contain ':slug' so every article gets its own URL";
        }

        var rest = pattern;
        foreach (var token in Tokens)
        {
            rest = rest.Replace(token, string.Empty, StringComparison.Ordinal);
        }

        foreach (var c in rest)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '/' or '_'))
            {
                return $"the character '{c}' is not allowed; use lowercase letters, digits, '-', '/' and the tokens {string.Join(", ", Tokens)}";
            }
        }

        if (pattern.Contains("//", StringComparison.Ordinal))
        {
            return "it must not contain an empty segment ('//')";
        }

        foreach (var segment in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var literal = Tokens.Aggregate(segment, (text, token) => text.Replace(token, "x", StringComparison.Ordinal));
            if (!Output.OutputPaths.IsSafe(literal))
            {
                return $"the segment '{segment}' cannot be a folder name (too long, or a name Windows reserves such as 'con' or 'nul')";
            }
        }

        return null;
    }
}
