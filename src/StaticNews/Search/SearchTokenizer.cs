using System.Buffers;
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

    /// <summary>
    /// Characters that decomposition leaves as they are, that are no combining mark and whose lowercase is themselves or, for
    /// A-Z, the ASCII letter: ASCII, the no-break space and the general punctuation news copy is full of (dashes, curly quotes,
    /// ellipsis). Text made only of these is folded without calling into Unicode normalisation.
    /// </summary>
    internal static readonly SearchValues<char> FoldsToItselfOrAsciiLower = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Append(0xA0).Concat(Enumerable.Range(0x2010, 0x205E - 0x2010 + 1)).Select(c => (char)c)));

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
    internal static void ForEachWord(ReadOnlySpan<char> folded, WordVisitor visit)
    {
        var position = 0;
        var start = -1;
        var index = 0;
        while (index < folded.Length)
        {
            bool isWord;
            int length;
            if (char.IsAscii(folded[index]))
            {
                // The only ASCII letters and digits are these: the common case, without decoding a rune.
                isWord = char.IsAsciiLetterOrDigit(folded[index]);
                length = 1;
            }
            else
            {
                Rune.DecodeFromUtf16(folded[index..], out var rune, out length);
                isWord = IsWordRune(rune);
            }

            if (isWord)
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                visit(folded[start..index], position++);
                start = -1;
            }

            index += length;
        }

        if (start >= 0)
        {
            visit(folded[start..], position);
        }
    }

    internal delegate void WordVisitor(ReadOnlySpan<char> word, int position);

    /// <summary>Canonical decomposition, non-spacing marks dropped, then lowercase: "Ça Ünïcödé" -> "ca unicode".</summary>
    public static string Fold(string text)
    {
        if (text.AsSpan().IndexOfAnyExcept(FoldsToItselfOrAsciiLower) < 0)
        {
            return string.Create(text.Length, text, static (folded, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    folded[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
                }
            });
        }

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
