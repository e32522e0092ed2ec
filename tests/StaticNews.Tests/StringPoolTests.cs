using System.Text;
using StaticNews.Incremental;

namespace StaticNews.Tests;

/// <summary>Texts decoded from a cache through a pool: one string per distinct short text, the same text whatever its length.</summary>
public sealed class StringPoolTests
{
    [Theory]
    [InlineData("politics")]
    [InlineData("Zürich, São Paulo — 東京")]
    [InlineData("")]
    public void The_same_short_text_gives_the_same_string_and_other_texts_their_own(string text)
    {
        var pool = new StringPool();

        var first = pool.Get(Encoding.UTF8.GetBytes(text));
        var again = pool.Get(Encoding.UTF8.GetBytes(text));
        var other = pool.Get(Encoding.UTF8.GetBytes(text + "!"));

        Assert.Equal(text, first);
        Assert.Same(first, again);
        Assert.Equal(text + "!", other);
    }

    [Fact]
    public void A_text_longer_than_the_pool_keeps_is_decoded_whole_each_time()
    {
        var pool = new StringPool();
        var text = string.Concat(Enumerable.Repeat("é", 200));

        var first = pool.Get(Encoding.UTF8.GetBytes(text));
        var again = pool.Get(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, first);
        Assert.Equal(text, again);
        Assert.NotSame(first, again);
    }

    [Fact]
    public async Task Decoders_on_several_threads_share_one_string_per_text()
    {
        var pool = new StringPool();
        var bytes = Encoding.UTF8.GetBytes("economy");

        var strings = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => pool.Get(bytes))));

        Assert.All(strings, s => Assert.Same(strings[0], s));
    }
}
