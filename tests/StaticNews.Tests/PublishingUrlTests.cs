using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using StaticNews.Publishing;

namespace StaticNews.Tests;

public sealed partial class PublishingUrlTests
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

    [Fact]
    public void The_rewriter_finds_exactly_what_the_attribute_pattern_matches_in_text_and_in_utf8()
    {
        // Pieces of HTML, put together at random: names of URL attributes and others in any case, white space, quotes, equals
        // signs and URLs, so that names come before and after quotes, spaces and letters, with or without values.
        string[] pieces =
        [
            "href", "HREF", "Src", "src", "srcset", "SRCSET", "poster", "action", "data-src", "xhref", "hrefs", "a", "é",
            "=", "=", " ", "  ", "\n", "\t", "\u00A0", "\"", "\"", "'", "<a ", "<img ", ">", "/x/", "/y.png 1x, /z.png 2x", "https://e.org/", ",",
        ];
        var html = Gen.Int[0, pieces.Length - 1].Array[0, 40].Select(picks => string.Concat(picks.Select(i => pieces[i])));

        html.Sample(text =>
        {
            var expected = RewriteByPattern(text, Mark);
            Assert.Equal(expected, HtmlUrlRewriter.Rewrite(text, Mark));
            Assert.Equal(expected, HtmlUrlRewriter.Rewrite(Encoding.UTF8.GetBytes(text), Mark));
        }, iter: 20_000);

        static string? Mark(string url) => url.Length == 0 ? null : "[" + url + "]";
    }

    /// <summary>What the rewriter did with a regular expression, before it searched from the equals signs: the reference it must agree with.</summary>
    private static string RewriteByPattern(string html, Func<string, string?> map) =>
        UrlAttributePattern().Replace(html, match =>
        {
            var value = match.Groups["dq"].Success ? match.Groups["dq"] : match.Groups["sq"];
            var rewritten = string.Equals(match.Groups["name"].Value, "srcset", StringComparison.OrdinalIgnoreCase)
                ? string.Join(',', value.Value.Split(',').Select(candidate => RewriteCandidate(candidate, map)))
                : map(value.Value);
            var start = value.Index - match.Index;
            return rewritten is null ? match.Value : string.Concat(match.ValueSpan[..start], rewritten, match.ValueSpan[(start + value.Length)..]);
        });

    private static string RewriteCandidate(string candidate, Func<string, string?> map)
    {
        var trimmed = candidate.TrimStart();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        var url = space < 0 ? trimmed : trimmed[..space];
        return candidate[..(candidate.Length - trimmed.Length)] + (map(url) ?? url) + (space < 0 ? string.Empty : trimmed[space..]);
    }

    [GeneratedRegex("""(?<=[\s"'])(?<name>href|src|srcset|poster|action)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttributePattern();
}
