using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// Bodies are parsed without Markdig's bare links (<c>https://…</c> in the text) unless their text holds the start of one,
/// and render exactly as through the full pipeline: bare links, near-links, link destinations and ordinary words alike.
/// </summary>
public sealed class BareLinksTests
{
    [Theory]
    [InlineData("Read https://example.org/a?b=1 and http://example.org, or ftp://files.example.org/x.\n")]
    [InlineData("Write to mailto:desk@example.org or call tel:+15551234567, see www.example.org/path.\n")]
    [InlineData("Not links: http:/www.example.org, https:/x, ftp:/y, mailto:nobody, www. and www.x, tel:\n")]
    [InlineData("Mid-word: nhttp://example.org, xwww.example.org; after punctuation: (https://example.org) *www.example.org*\n")]
    [InlineData("Inside a link: [https://example.org](https://example.org/) and <a href=\"/x\">www.example.org</a>.\n")]
    [InlineData("The [full statement](https://example.org/statement) and a [reference][r].\n\n[r]: https://example.org/r\n")]
    [InlineData("Case: HTTP://EXAMPLE.ORG, hTTPS://Example.org, wWW.example.org, Mailto:a@b.org, TEL:+1 and Www.Example.Org.\n")]
    [InlineData("**http://example.org/strong** _www.example.org_ ~~ftp://example.org~~ `https://code.example.org` $https://math$\n")]
    [InlineData("- www.example.org\n- [ ] http://example.org\n\n| a | b |\n|---|---|\n| https://example.org | mailto:x@example.org |\n")]
    [InlineData("An unclosed [link](https://example.org/a b and <https://example.org/angle> brackets.\n")]
    [InlineData("*[www.example]: An abbreviation\n\nSee www.example.org and the www.example site.\n")]
    [InlineData("*[HTML]: Hypertext\n\nHTML pages at https://example.org, plain text otherwise.\n")]
    [InlineData("## Key points\n\nSee [Key points] at https://example.org and [Key points](https://example.org/k).\n")]
    public void A_body_renders_as_through_the_full_pipeline(string markdown) => LeanParsing.AssertRendersAsFull(markdown);

    [Fact]
    public void Random_texts_of_words_near_links_render_as_through_the_full_pipeline()
    {
        string[] pieces = ["the", "with", "for", "more", "tell", "http", "https://", "http://", "ftp://", "mailto:", "tel:", "www.", "www",
            "example.org", "a@b.org", "/path", "(", ")", "[", "](", "]", "*", "_", "`", "<a href=\"x\">", "</a>", "<", ">", ".", ",", " ", " ", " ", "\n", "H", "W", "*[www]: w\n"];
        var random = new Random(5);
        for (var text = 0; text < 3000; text++)
        {
            LeanParsing.AssertRendersAsFull(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)])));
        }
    }

    [Fact]
    public void A_body_whose_links_all_have_brackets_is_parsed_lean_and_one_with_a_bare_link_in_full()
    {
        Assert.Same(LeanParsing.Lean, LeanParsing.PipelineOf("The [full statement](https://example.org/s), with more to tell.\n"));
        Assert.Same(LeanParsing.Full, LeanParsing.PipelineOf("The full statement: https://example.org/s.\n"));
        Assert.Same(LeanParsing.Full, LeanParsing.PipelineOf("*[UN]: United Nations\n\nThe UN met.\n"));
    }

    [Fact]
    public async Task An_article_with_a_bare_link_gets_the_link()
    {
        var html = await LeanParsing.ArticlePageAsync("Delegations met again; the text is at https://example.org/text and www.example.org.");

        Assert.Contains("<a href=\"https://example.org/text\">https://example.org/text</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://www.example.org\">www.example.org</a>", html, StringComparison.Ordinal);
    }
}
