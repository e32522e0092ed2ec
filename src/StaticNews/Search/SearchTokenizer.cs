using System.Globalization;
using System.Text;

namespace StaticNews.Search;

/// <summary>
/// Splits text into search tokens: Unicode letters and digits, lowercased, with diacritics folded ("Zürich" -> "zurich").
/// search.js does the same (NFD, drop non-spacing marks, lowercase, split on anything else), so the index and the query agree.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Words too common to help a search; left out of the index and of queries, but they still take a position so phrases match.</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "in", "is", "it",
        "its", "of", "on", "or", "she", "that", "the", "their", "they", "this", "to", "was", "were", "which", "will", "with",
    };

    /// <summary>Every word of the text, folded, in order (stop words included).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The words worth indexing, with their position among all words: no stop words, no single letters.</summary>
    public static IEnumerable<(string Token, int Position)> Tokens(string text)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (IsIndexable(words[i]))
            {
                yield return (words[i], i);
            }
        }
    }

    public static bool IsIndexable(string word) => word.Length > 1 && !StopWords.Contains(word);

    /// <summary>Canonical decomposition, non-spacing marks dropped, then lowercase: "Ça Ünïcödé" -> "ca unicode".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().ToLowerInvariant();
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
