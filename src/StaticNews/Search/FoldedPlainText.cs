using System.Buffers;

namespace StaticNews.Search;

/// <summary>
/// The words of a rendered body as search sees them: <c>SearchTokenizer.Fold(SearchIndex.PlainText(html))</c>. The usual body
/// (text that folds to itself or to ASCII lowercase, and no character reference but those Markdig writes) is stripped of
/// its tags, decoded and folded in one pass into a rented buffer; any other takes that general path.
/// </summary>
internal static class FoldedPlainText
{
    private static readonly (string Reference, char Character)[] MarkdigReferences =
        [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];

    public static void ForEachWord(string html, SearchTokenizer.WordVisitor visit)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(html.Length, 1));
        try
        {
            if (TryFold(html, buffer, out var length))
            {
                SearchTokenizer.ForEachWord(buffer.AsSpan(0, length), visit);
            }
            else
            {
                SearchTokenizer.ForEachWord(SearchTokenizer.Fold(SearchIndex.PlainText(html)), visit);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A tag (from '&lt;' to the next '&gt;') becomes one space, as SearchIndex.PlainText's pattern replaces it; false for text
    /// the one pass cannot give exactly (an unclosed '&lt;', another reference, a character that folds otherwise).
    /// </summary>
    internal static bool TryFold(string html, char[] buffer, out int length)
    {
        length = 0;
        var index = 0;
        while (index < html.Length)
        {
            var c = html[index];
            if (c == '<')
            {
                var close = html.IndexOf('>', index + 1);
                if (close < 0)
                {
                    return false;
                }

                buffer[length++] = ' ';
                index = close + 1;
            }
            else if (c == '&')
            {
                if (!TryDecode(html.AsSpan(index), out var decoded, out var consumed))
                {
                    return false;
                }

                buffer[length++] = decoded;
                index += consumed;
            }
            else if (SearchTokenizer.FoldsToItselfOrAsciiLower.Contains(c))
            {
                buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                index++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out char decoded, out int consumed)
    {
        foreach (var (reference, character) in MarkdigReferences)
        {
            if (text.StartsWith(reference, StringComparison.Ordinal))
            {
                (decoded, consumed) = (character, reference.Length);
                return true;
            }
        }

        (decoded, consumed) = ('\0', 0);
        return false;
    }
}
