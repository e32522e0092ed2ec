using System.Globalization;
using System.Text;
using StaticNews.Search;

namespace StaticNews.Tests;

public sealed class SearchTokenizerTests
{
    [Fact]
    public void Words_are_lowercased_with_diacritics_folded_and_split_on_punctuation()
    {
        Assert.Equal(["ca", "zurich", "s", "cafe", "deja", "vu", "2026"], SearchTokenizer.Words("Ça, Zürich's CAFÉ! déjà-vu 2026"));
    }

    [Fact]
    public void Non_latin_scripts_stay_whole_words()
    {
        Assert.Equal(["東京", "москва", "كراچی"], SearchTokenizer.Words("東京 — Москва / كراچی"));
    }

    [Fact]
    public void Tokens_leave_out_stop_words_and_single_letters_but_keep_word_positions()
    {
        var tokens = SearchTokenizer.Tokens("The state of the Union: a speech").ToList();

        Assert.Equal([("state", 1), ("union", 4), ("speech", 6)], tokens);
    }

    [Fact]
    public void A_query_splits_loose_terms_from_quoted_phrases()
    {
        var query = SearchQuery.Parse("Trade \"state of the union\" the Zür");

        Assert.Equal(["trade", "zur"], query.Terms);
        var phrase = Assert.Single(query.Phrases);
        Assert.Equal(["state", "of", "the", "union"], phrase);
    }

    [Fact]
    public void An_unclosed_quote_is_a_phrase_being_typed()
    {
        var query = SearchQuery.Parse("\"port open");

        Assert.Empty(query.Terms);
        Assert.Equal(["port", "open"], Assert.Single(query.Phrases));
    }

    [Fact]
    public void Text_of_ascii_and_common_punctuation_folds_as_full_unicode_folding_would()
    {
        // "é" sends the whole string through normalisation; each character alone takes the shortcut. Both must agree.
        var shortcut = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => !char.IsSurrogate(c) && SearchTokenizer.FoldsToItselfOrAsciiLower.Contains(c)).ToList();
        Assert.Equal(0x80 + 1 + 0x4F, shortcut.Count);
        foreach (var c in shortcut)
        {
            Assert.Equal(SearchTokenizer.Fold(c + "\u00e9"), SearchTokenizer.Fold(c.ToString()) + "e");
        }

        Assert.Equal(["the", "port", "s", "reopening", "2026"], SearchTokenizer.Words("The PORT\u2019s \u201cREOPENING\u201d \u2014 2026\u2026"));
    }

    [Fact]
    public void Bodies_tokenized_with_one_pool_share_each_token_string_and_keep_their_own_positions()
    {
        var pool = new TokenPool();
        var first = BodyTerms.Of("<p>Harbour talks resume</p>", pool);
        var second = BodyTerms.Of("<p>Port talks, then harbour talks</p>", pool);
        var alone = BodyTerms.Of("<p>Port talks, then harbour talks</p>");

        Assert.Equal(alone.Tokens, second.Tokens);
        Assert.Equal(alone.PositionStarts, second.PositionStarts);
        Assert.Equal(alone.Positions, second.Positions);
        Assert.Same(first.Tokens[Array.IndexOf(first.Tokens, "talks")], second.Tokens[Array.IndexOf(second.Tokens, "talks")]);
        Assert.Same(first.Tokens[Array.IndexOf(first.Tokens, "harbour")], second.Tokens[Array.IndexOf(second.Tokens, "harbour")]);
        Assert.NotSame(alone.Tokens[Array.IndexOf(alone.Tokens, "talks")], second.Tokens[Array.IndexOf(second.Tokens, "talks")]);
    }

    [Fact]
    public void Bodies_of_any_size_tokenized_one_after_another_with_one_pool_give_the_terms_each_gives_alone()
    {
        // The pool keeps the working space of one body for the next: a long body followed by short ones must leave no trace.
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 3000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var pool = new TokenPool();
        foreach (var length in new[] { 5000, 3, 40, 0, 2500, 1, 800 })
        {
            var html = "<p>" + string.Join(" ", Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + "</p>";

            var pooled = BodyTerms.Of(html, pool);
            var alone = BodyTerms.Of(html);

            Assert.Equal(alone.Tokens, pooled.Tokens);
            Assert.Equal(alone.PositionStarts, pooled.PositionStarts);
            Assert.Equal(alone.Positions, pooled.Positions);
            Assert.Equal(length, pooled.Positions.Length);
        }
    }

    [Fact]
    public void Body_terms_list_tokens_in_ordinal_order_each_with_its_positions_in_order()
    {
        var terms = BodyTerms.Of("<p>Zeta alpha <b>beta</b> alpha.</p><p>Zeta the alpha</p>");

        Assert.Equal(["alpha", "beta", "zeta"], terms.Tokens);
        Assert.Equal([0, 3, 4, 6], terms.PositionStarts);
        Assert.Equal([1, 3, 6, 2, 0, 4], terms.Positions);
    }

    [Theory]
    [InlineData("trade", "tr")]
    [InlineData("2026", "20")]
    [InlineData("x", "x")]
    [InlineData("東京", "_6771_4eac")]
    public void Shard_keys_are_the_first_two_characters_in_a_file_safe_form(string token, string expected)
    {
        Assert.Equal(expected, SearchIndexWriter.ShardKey(token));
    }

    /// <summary>The definition: a word is a run of Unicode letters and digits (whole code points); anything else separates words.</summary>
    private static List<(string Word, int Position)> WordsByRune(string text)
    {
        var words = new List<(string, int)>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add((current.ToString(), words.Count));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add((current.ToString(), words.Count));
        }

        return words;
    }

    [Fact]
    public void Words_are_the_runs_of_letters_and_digits_whatever_the_script()
    {
        string[] pieces = ["talks", "2026", "x", " ", ".", "-", "'", "\u2014", "\u00A0", "z\u00FCrich", "\u6771\u4EAC", "\u0661\u0662", "\u2167", "\u00BD", "\u0301", "\uD835\uDC00", "\uD83D\uDE00", "\uD800", "\uDC00", "\u2044"];
        var random = new Random(2026);
        for (var sample = 0; sample < 3000; sample++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var words = new List<(string, int)>();
            SearchTokenizer.ForEachWord(text.ToString(), (word, position) => words.Add((word.ToString(), position)));
            Assert.Equal(WordsByRune(text.ToString()), words);
        }
    }

    [Fact]
    public void Between_two_letters_every_character_separates_words_or_joins_them_as_the_definition_says()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            var words = new List<(string, int)>();
            SearchTokenizer.ForEachWord(text, (word, position) => words.Add((word.ToString(), position)));
            Assert.True(WordsByRune(text).SequenceEqual(words), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Only_the_stop_words_themselves_and_single_letters_are_left_out()
    {
        Assert.All(SearchTokenizer.StopWords, word => Assert.False(SearchTokenizer.IsIndexable(word)));
        Assert.False(SearchTokenizer.IsIndexable("x"));
        foreach (var word in SearchTokenizer.StopWords)
        {
            for (var i = 0; i < word.Length; i++)
            {
                foreach (var other in "qz9\u00E9\u4E00\uFFFF")
                {
                    var changed = string.Concat(word.AsSpan(0, i), other.ToString(), word.AsSpan(i + 1));
                    Assert.Equal(changed.Length > 1 && !SearchTokenizer.StopWords.Contains(changed), SearchTokenizer.IsIndexable(changed));
                }
            }

            Assert.True(SearchTokenizer.IsIndexable(word + "s") || SearchTokenizer.StopWords.Contains(word + "s"));
        }
    }

    [Fact]
    public void A_body_of_thousands_of_distinct_words_has_each_token_once_with_all_its_positions()
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 6000).Select(_ => "w" + random.Next(0, 2500).ToString(CultureInfo.InvariantCulture)).ToList();
        var terms = BodyTerms.Of("<p>" + string.Join(" ", words) + "</p>");

        var expected = words.Select((word, position) => (word, position)).GroupBy(w => w.word).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(g => g.Key), terms.Tokens);
        for (var rank = 0; rank < expected.Count; rank++)
        {
            Assert.Equal(expected[rank].Select(w => w.position), terms.Positions[terms.PositionStarts[rank]..terms.PositionStarts[rank + 1]]);
        }
    }
}
