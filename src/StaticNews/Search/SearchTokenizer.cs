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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        ((HashSet<string>)StopWords).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every word of the text, folded, in order (stop words included).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        ForEachWord(Fold(text), (word, _) => words.Add(word.ToString()));
        return words;
    }

    /// <summary>The words worth indexing, with their position among all words: no stop words, no single letters.</summary>
    public static IEnumerable<(string Token, int Position)> Tokens(string text)
    {
        var tokens = new List<(string, int)>();
        ForEachWord(Fold(text), (word, position) =>
        {
            if (IsIndexable(word))
            {
                tokens.Add((word.ToString(), position));
            }
        });
        return tokens;
    }

    public static bool IsIndexable(string word) => IsIndexable(word.AsSpan());

    public static bool IsIndexable(ReadOnlySpan<char> word) => word.Length > 1 && !StopWordLookup.Contains(word);

    /// <summary>Calls <paramref name="visit"/> with each word of already folded text and its position among all words, without allocating per word.</summary>
    internal static void ForEachWord(string folded, WordVisitor visit)
    {
        var position = 0;
        var start = -1;
        var index = 0;
        while (index < folded.Length)
        {
            Rune.DecodeFromUtf16(folded.AsSpan(index), out var rune, out var length);
            if (IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                visit(folded.AsSpan(start, index - start), position++);
                start = -1;
            }

            index += length;
        }

        if (start >= 0)
        {
            visit(folded.AsSpan(start), position);
        }
    }

    internal delegate void WordVisitor(ReadOnlySpan<char> word, int position);

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
