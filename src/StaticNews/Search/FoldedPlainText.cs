using System.Buffers;
using System.Text;

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

    /// <summary>Characters of <see cref="SearchTokenizer.FoldsToItselfOrAsciiLower"/> that open no tag and no reference.</summary>
    private static readonly SearchValues<char> TextFoldingToItself = SearchValues.Create(
        SearchTokenizer.FoldingToItselfOrAsciiLower.Replace("<", string.Empty, StringComparison.Ordinal).Replace("&", string.Empty, StringComparison.Ordinal));

    public static void ForEachWord(ReadOnlySpan<char> html, SearchTokenizer.WordVisitor visit)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(html.Length, 1));
        try
        {
            if (TryFold(html, buffer, out var length))
            {
                SearchTokenizer.ForEachAsciiWord(buffer.AsSpan(0, length), visit);
            }
            else
            {
                SearchTokenizer.ForEachWord(SearchTokenizer.Fold(SearchIndex.PlainText(new string(html))), visit);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A tag (from '&lt;' to the next '&gt;') becomes one space, as SearchIndex.PlainText's pattern replaces it; false for text
    /// the one pass cannot give exactly (an unclosed '&lt;', another reference, a character that folds otherwise). The text
    /// between tags and references is found and lowercased many characters at a time.
    /// </summary>
    internal static bool TryFold(ReadOnlySpan<char> html, char[] buffer, out int length)
    {
        length = 0;
        var index = 0;
        while (index < html.Length)
        {
            var run = html[index..].IndexOfAnyExcept(TextFoldingToItself);
            var end = run < 0 ? html.Length : index + run;
            CopyLowercased(html[index..end], buffer.AsSpan(length));
            length += end - index;
            index = end;
            if (index == html.Length)
            {
                break;
            }

            if (html[index] == '<')
            {
                var close = html[(index + 1)..].IndexOf('>');
                if (close < 0)
                {
                    return false;
                }

                buffer[length++] = ' ';
                index += close + 2;
            }
            else if (html[index] == '&' && TryDecode(html[index..], out var decoded, out var consumed))
            {
                buffer[length++] = decoded;
                index += consumed;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies text of <see cref="TextFoldingToItself"/> folded: A-Z lowercased, every other character as it is.</summary>
    private static void CopyLowercased(ReadOnlySpan<char> text, Span<char> destination)
    {
        while (true)
        {
            Ascii.ToLower(text, destination, out var written);
            if (written == text.Length)
            {
                return;
            }

            // Beyond ASCII: this text holds only characters that fold to themselves.
            destination[written] = text[written];
            text = text[(written + 1)..];
            destination = destination[(written + 1)..];
        }
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
