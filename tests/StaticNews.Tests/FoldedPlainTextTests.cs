using System.Text;
using StaticNews.Search;

namespace StaticNews.Tests;

/// <summary>The one-pass words of a body are exactly those of stripping its tags, decoding it and folding it in turn.</summary>
public sealed class FoldedPlainTextTests
{
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<a href=\"/x/\">", "</a>", "<strong>", "<h2 id=\"a\">", "<br />", "Talks", "RESUME", "in", " ", "\n", "2026",
        "&amp;", "&lt;b&gt;", "&quot;", "&#39;", "&mdash;", "&#x41;", "&", "&am", "Zürich", "Ça", "東京", "—", "“quoted”", "<", ">", "a<b",
        "x-y", "don't", "&amp;lt;", "<!-- note -->", "e\u0301", "İstanbul",
    ];

    private static List<(string Word, int Position)> Words(string html)
    {
        var words = new List<(string, int)>();
        FoldedPlainText.ForEachWord(html, (word, position) => words.Add((word.ToString(), position)));
        return words;
    }

    private static List<(string Word, int Position)> Reference(string html)
    {
        var words = new List<(string, int)>();
        SearchTokenizer.ForEachWord(SearchTokenizer.Fold(SearchIndex.PlainText(html)), (word, position) => words.Add((word.ToString(), position)));
        return words;
    }

    [Fact]
    public void Random_html_gives_the_words_of_the_general_path()
    {
        var random = new Random(2026);
        var fastPathTaken = 0;
        for (var sample = 0; sample < 3000; sample++)
        {
            var html = new StringBuilder();
            var count = random.Next(0, 30);
            for (var i = 0; i < count; i++)
            {
                html.Append(Pieces[random.Next(sample % 2 == 0 ? 13 : Pieces.Length)]);
            }

            var text = html.ToString();
            Assert.Equal(Reference(text), Words(text));
            fastPathTaken += FoldedPlainText.TryFold(text, new char[Math.Max(text.Length, 1)], out _) ? 1 : 0;
        }

        Assert.InRange(fastPathTaken, 1000, 2900);
    }

    [Fact]
    public void A_usual_body_takes_the_one_pass()
    {
        const string html = "<p><span class=\"dateline\">Geneva, 19 March 2026 (TG):</span> &quot;Talks&quot; resume &amp; go on.</p>\n";
        var buffer = new char[html.Length];

        Assert.True(FoldedPlainText.TryFold(html, buffer, out var length));
        Assert.Equal("  geneva, 19 march 2026 (tg):  \"talks\" resume & go on. \n", new string(buffer, 0, length));
    }

    [Fact]
    public void Beyond_ascii_the_one_pass_keeps_only_characters_that_separate_words()
    {
        // The one pass splits words on ASCII letters and digits alone: that is exact only if none of these is a letter or digit.
        var beyondAscii = SearchTokenizer.FoldingToItselfOrAsciiLower.Where(c => c >= 0x80).ToList();
        Assert.Equal(1 + 0x4F, beyondAscii.Count);
        Assert.All(beyondAscii, c => Assert.Equal(["a", "b"], SearchTokenizer.Words("a" + c + "b")));
    }

    [Fact]
    public void Words_across_every_block_boundary_are_found_whole()
    {
        var random = new Random(7);
        for (var sample = 0; sample < 2000; sample++)
        {
            var text = new StringBuilder();
            while (text.Length < 70)
            {
                text.Append(new string('x', random.Next(1, 20))).Append(random.Next(3) switch { 0 => " ", 1 => "\u2014", _ => ".,  " });
            }

            var ascii = new List<(string, int)>();
            SearchTokenizer.ForEachAsciiWord(text.ToString(), (word, position) => ascii.Add((word.ToString(), position)));
            var general = new List<(string, int)>();
            SearchTokenizer.ForEachWord(text.ToString(), (word, position) => general.Add((word.ToString(), position)));
            Assert.Equal(general, ascii);
        }
    }
}
