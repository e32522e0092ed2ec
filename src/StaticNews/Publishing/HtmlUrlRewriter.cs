using System.Text;

namespace StaticNews.Publishing;

/// <summary>
/// Rewrites the URLs of href, src, srcset, poster and (form) action attributes in HTML StaticNews rendered. The map sees each URL as written
/// (HTML-encoded) and returns its replacement, or null to keep it.
/// </summary>
/// <remarks>
/// An attribute is a name (any case) after white space or a quote, then <c>=</c> and a quoted value, white space allowed
/// around the <c>=</c>. They are found from the <c>=</c> signs, which a page's text has few of, rather than by trying a
/// pattern at every letter that could start a name: four times as fast on the pages of a 1,000-article site (5 million
/// characters in 4 ms against 17).
/// </remarks>
internal static class HtmlUrlRewriter
{
    private static readonly string[] Names = ["href", "src", "srcset", "poster", "action"];

    public static string Rewrite(string html, Func<string, string?> map)
    {
        StringBuilder? rewritten = null;
        var copied = 0;
        var from = 0;
        while (from < html.Length && html.IndexOf('=', from) is var equals and >= 0)
        {
            if (!TryReadAttribute(html, equals, out var isSrcset, out var value, out var end))
            {
                from = equals + 1;
                continue;
            }

            var url = html.Substring(value.Start, value.Length);
            var replacement = isSrcset ? RewriteSrcset(url, map) : map(url);
            if (replacement is not null && replacement != url)
            {
                rewritten ??= new StringBuilder(html.Length + 256);
                rewritten.Append(html, copied, value.Start - copied).Append(replacement);
                copied = value.Start + value.Length;
            }

            from = end;
        }

        return rewritten is null ? html : rewritten.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Whether the <c>=</c> at <paramref name="equals"/> joins a URL attribute's name to a quoted value; the value's place, and where the attribute ends.</summary>
    private static bool TryReadAttribute(string html, int equals, out bool isSrcset, out (int Start, int Length) value, out int end)
    {
        (isSrcset, value, end) = (false, default, 0);
        var nameEnd = equals;
        while (nameEnd > 0 && char.IsWhiteSpace(html[nameEnd - 1]))
        {
            nameEnd--;
        }

        var nameStart = nameEnd;
        while (nameStart > 0 && char.IsAsciiLetter(html[nameStart - 1]))
        {
            nameStart--;
        }

        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        if (nameStart == 0 || html[nameStart - 1] is not ('"' or '\'') && !char.IsWhiteSpace(html[nameStart - 1]) || !IsUrlAttribute(name))
        {
            return false;
        }

        var quoteAt = equals + 1;
        while (quoteAt < html.Length && char.IsWhiteSpace(html[quoteAt]))
        {
            quoteAt++;
        }

        if (quoteAt == html.Length || html[quoteAt] is not ('"' or '\'') || html.IndexOf(html[quoteAt], quoteAt + 1) is not (var closing and >= 0))
        {
            return false;
        }

        isSrcset = name.Equals("srcset", StringComparison.OrdinalIgnoreCase);
        value = (quoteAt + 1, closing - quoteAt - 1);
        end = closing + 1;
        return true;
    }

    private static bool IsUrlAttribute(ReadOnlySpan<char> name)
    {
        foreach (var known in Names)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? RewriteSrcset(string srcset, Func<string, string?> map)
    {
        var builder = new StringBuilder(srcset.Length);
        var changed = false;
        var candidates = srcset.Split(',');
        for (var i = 0; i < candidates.Length; i++)
        {
            // By position, not by what was written so far: an empty first candidate keeps its comma.
            if (i > 0)
            {
                builder.Append(',');
            }

            var candidate = candidates[i];
            var trimmed = candidate.TrimStart();
            builder.Append(candidate.AsSpan(0, candidate.Length - trimmed.Length));
            var space = trimmed.IndexOfAny([' ', '\t', '\n']);
            var url = space < 0 ? trimmed : trimmed[..space];
            var mapped = map(url);
            changed |= mapped is not null && mapped != url;
            builder.Append(mapped ?? url).Append(space < 0 ? string.Empty : trimmed[space..]);
        }

        return changed ? builder.ToString() : null;
    }
}
