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

    [Theory]
    [InlineData("trade", "tr")]
    [InlineData("2026", "20")]
    [InlineData("x", "x")]
    [InlineData("東京", "_6771_4eac")]
    public void Shard_keys_are_the_first_two_characters_in_a_file_safe_form(string token, string expected)
    {
        Assert.Equal(expected, SearchIndexWriter.ShardKey(token));
    }
}
