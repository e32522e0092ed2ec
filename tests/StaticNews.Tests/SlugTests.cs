using StaticNews.Text;

namespace StaticNews.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("President congratulates counterpart on re-election", "president-congratulates-counterpart-on-re-election")]
    [InlineData("  Trade -- talks!! ", "trade-talks")]
    [InlineData("Zürich Café Déjà vu", "zurich-cafe-deja-vu")]
    [InlineData("Привет мир", "privet-mir")]
    [InlineData("北京欢迎你", "beijinghuanyingni")]
    [InlineData("Pakistan's envoy", "pakistans-envoy")]
    public void Titles_in_any_script_become_ascii_slugs(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Theory]
    [InlineData("good-slug", true)]
    [InlineData("a1", true)]
    [InlineData("Bad", false)]
    [InlineData("-edge", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    public void Only_lowercase_letters_digits_and_inner_hyphens_are_valid(string slug, bool valid)
    {
        Assert.Equal(valid, Slug.IsValid(slug));
    }

    [Fact]
    public void Slugs_are_cut_to_a_safe_length()
    {
        Assert.True(Slug.From(new string('a', 500)).Length <= Slug.MaxLength);
    }

    [Fact]
    public void A_hyphen_before_the_last_letter_does_not_push_a_slug_past_its_length()
    {
        // Found by PropertyTests: 95 letters, a separator and more letters gave a 97-character slug.
        var slug = Slug.From(new string('a', 95) + " bc");

        Assert.True(slug.Length <= Slug.MaxLength, slug.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new string('a', 95), slug);
    }

    [Theory]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    public void Names_windows_reserves_are_not_valid_slugs(string slug)
    {
        Assert.False(Slug.IsValid(slug));
    }
}
