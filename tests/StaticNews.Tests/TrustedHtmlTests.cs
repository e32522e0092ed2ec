using System.Text;
using StaticNews.Model;

namespace StaticNews.Tests;

public sealed class TrustedHtmlTests
{
    [Fact]
    public void Html_kept_as_utf8_reads_and_compares_as_the_same_text()
    {
        const string html = "<p>Zürich, 3 March (TMC): “Talks resume” — 東京</p>";
        var utf8 = TrustedHtml.FromUtf8(Encoding.UTF8.GetBytes(html));
        var text = new TrustedHtml(html);

        Assert.Equal(html, utf8.Html);
        Assert.Equal(html, utf8.ToString());
        Assert.Equal(text, utf8);
        Assert.Equal(text.GetHashCode(), utf8.GetHashCode());
        Assert.NotEqual(new TrustedHtml("<p>Zurich</p>"), utf8);
        Assert.False(utf8.IsEmpty);
        Assert.True(TrustedHtml.FromUtf8(ReadOnlyMemory<byte>.Empty).IsEmpty);
        Assert.Equal(Encoding.UTF8.GetBytes(html), text.Utf8Bytes().ToArray());
    }
}
