using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    internal static readonly string FoldingToItselfOrAsciiLower =
        string.Concat(Enumerable.Range(0, 0x80).Append(0xA0).Concat(Enumerable.Range(0x2010, 0x205E - 0x2010 + 1)).Select(c => (char)c));

    /// <summary>The characters of <see cref="FoldingToItselfOrAsciiLower"/>, to search text for.</summary>
    internal static readonly SearchValues<char> FoldsToItselfOrAsciiLower = SearchValues.Create(FoldingToItselfOrAsciiLower);

    /// <summary>A longer word is no stop word: most words are told apart by their length alone.</summary>
    private static readonly int LongestStopWord = StopWords.Max(word => word.Length);

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

    public static bool IsIndexable(ReadOnlySpan<char> word) => word.Length > 1 && (word.Length > LongestStopWord || !StopWordLookup.Contains(word));

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

    /// <summary>
    /// <see cref="ForEachWord"/> for folded text whose only letters and digits are ASCII (all else separates words), as
    /// <see cref="FoldedPlainText"/> makes of a usual body: sixteen characters classified at a time, and only the starts and
    /// ends of words visited one by one.
    /// </summary>
    internal static void ForEachAsciiWord(ReadOnlySpan<char> folded, WordVisitor visit)
    {
        var position = 0;
        var start = -1;
        var index = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(folded);
            for (; index + Vector256<ushort>.Count <= chars.Length; index += Vector256<ushort>.Count)
            {
                var words = AsciiLettersAndDigitsIn(Vector256.Create(chars.Slice(index, Vector256<ushort>.Count)));
                var previous = start >= 0 ? 1u : 0u;
                for (var changes = (words ^ ((words << 1) | previous)) & 0xFFFF; changes != 0; changes &= changes - 1)
                {
                    var at = index + BitOperations.TrailingZeroCount(changes);
                    if (start < 0)
                    {
                        start = at;
                    }
                    else
                    {
                        visit(folded[start..at], position++);
                        start = -1;
                    }
                }
            }
        }

        for (; index < folded.Length; index++)
        {
            if (char.IsAsciiLetterOrDigit(folded[index]))
            {
                start = start < 0 ? index : start;
            }
            else if (start >= 0)
            {
                visit(folded[start..index], position++);
                start = -1;
            }
        }

        if (start >= 0)
        {
            visit(folded[start..], position);
        }
    }

    /// <summary>A bit per character: set for 0-9, A-Z and a-z.</summary>
    private static uint AsciiLettersAndDigitsIn(Vector256<ushort> chars)
    {
        var digits = Vector256.LessThan(chars - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
        var letters = Vector256.LessThan((chars | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        return (digits | letters).ExtractMostSignificantBits();
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
