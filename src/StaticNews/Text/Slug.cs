using System.Text;
using AnyAscii;

namespace StaticNews.Text;

/// <summary>Makes URL slugs: any script transliterated to ASCII, lowercase letters, digits and single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 96;

    public static string From(string text)
    {
        var ascii = text.Transliterate();
        var builder = new StringBuilder(Math.Min(ascii.Length, MaxLength));
        var pendingHyphen = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                var hyphen = pendingHyphen && builder.Length > 0;
                if (builder.Length + (hyphen ? 2 : 1) > MaxLength)
                {
                    break;
                }

                if (hyphen)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'')
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>True when the text is already a slug: one safe path segment of lowercase letters, digits and inner hyphens, and not a name Windows reserves (con, nul, com1, …).</summary>
    public static bool IsValid(string text)
    {
        if (text.Length is 0 or > MaxLength || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return Output.OutputPaths.IsSafe(text);
    }
}
