using System.Text;
using StaticNews.Building;

namespace StaticNews.Tests;

/// <summary>The word count (and so the reading time) counts words as the plain character-by-character definition does.</summary>
public sealed class WordCountTests
{
    /// <summary>The definition: a word starts at a letter or digit after white space (or the start) and runs to the next white space.</summary>
    private static int Reference(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                count += inWord ? 0 : 1;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }

        return count;
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Talks resume in Geneva", 4)]
    [InlineData("  well-known  don't — 2026 ", 3)]
    [InlineData("— … “ ”", 0)]
    [InlineData("Zürich\u00A0東京\u2003Ça", 3)]
    [InlineData("**Bold** _words_ [link](https://example.org/a-b)", 3)]
    public void Words_start_at_a_letter_or_digit_and_run_to_white_space(string text, int expected) =>
        Assert.Equal(expected, ArticleBodyRenderer.CountWords(text));

    [Fact]
    public void Every_character_between_two_letters_counts_as_the_definition_says()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            Assert.True(Reference(text) == ArticleBodyRenderer.CountWords(text), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Random_text_counts_as_the_definition_says()
    {
        string[] pieces = ["word", "W0rd", " ", "  ", "\n", "\t", "-", "'", "—", "\u00A0", "\u2003", "\u3000", "é", "東", "\uD835\uDC00", "\uD800", "*", "[x](y)", "9"];
        var random = new Random(2026);
        for (var sample = 0; sample < 3000; sample++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            Assert.Equal(Reference(text.ToString()), ArticleBodyRenderer.CountWords(text.ToString()));
        }
    }
}
