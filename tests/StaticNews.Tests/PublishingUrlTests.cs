using StaticNews.Publishing;

namespace StaticNews.Tests;

public sealed class PublishingUrlTests
{
    [Theory]
    [InlineData("/news/", "index.html", "./")]
    [InlineData("/news/talks/", "index.html", "talks/")]
    [InlineData("/news/", "talks/index.html", "../")]
    [InlineData("/news/talks/", "talks/index.html", "./")]
    [InlineData("/news/category/world/trade/", "category/world/diplomacy/index.html", "../trade/")]
    [InlineData("/news/assets/css/site.css", "category/world/page/2/index.html", "../../../../assets/css/site.css")]
    [InlineData("/news/tag/a/?q=1#top", "talks/index.html", "../tag/a/?q=1#top")]
    [InlineData("/news/#main", "a/index.html", "../#main")]
    public void Site_rooted_urls_become_relative_to_the_pages_folder(string url, string page, string expected)
    {
        Assert.Equal(expected, SiteUrls.Relative(url, "/news/", page));
    }

    [Theory]
    [InlineData("https://example.org/news/x/")]
    [InlineData("//cdn.example/x.js")]
    [InlineData("#main")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("/other/")]
    public void Other_urls_are_left_alone(string url)
    {
        Assert.Null(SiteUrls.Relative(url, "/news/", "talks/index.html"));
    }

    [Fact]
    public void The_rewriter_handles_both_quotes_srcset_and_leaves_text_alone()
    {
        const string Html = """<a href="/x/">/x/ in text</a><img src='/y.png' srcset="/y.png 1x, /y@2.png 2x"><p data-href="/z/">""";

        var rewritten = HtmlUrlRewriter.Rewrite(Html, url => url.StartsWith('/') ? "R" + url : null);

        Assert.Equal("""<a href="R/x/">/x/ in text</a><img src='R/y.png' srcset="R/y.png 1x, R/y@2.png 2x"><p data-href="/z/">""", rewritten);
    }

    [Fact]
    public void The_rewriter_reads_spaced_and_upper_case_attributes_and_returns_unchanged_html_itself()
    {
        const string Html = """<A HREF = "/a/">a</A><img SRCSET= '/b.png 1x' src="https://cdn.example/c.png"><video poster ="/p.jpg"></video>""";

        Assert.Equal(
            """<A HREF = "R/a/">a</A><img SRCSET= 'R/b.png 1x' src="https://cdn.example/c.png"><video poster ="R/p.jpg"></video>""",
            HtmlUrlRewriter.Rewrite(Html, url => url.StartsWith('/') ? "R" + url : null));
        Assert.Same(Html, HtmlUrlRewriter.Rewrite(Html, _ => null));
        Assert.Same(Html, HtmlUrlRewriter.Rewrite(Html, url => url));
    }
}
