using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Block shortcodes (<c>{{&lt; name args &gt;}}</c> on a line of their own) and <c>ref:</c> links, rendered or reported at file, line and column.</summary>
public sealed class ShortcodeTests
{
    private const string Target = """
        -- articles/trade-deal.md --
        ---
        title: Trade deal <signed>
        date: 2024-01-01
        author: jane-doe
        category: world
        ---
        ## Key points
        The deal was signed.
        -- static/images/port.png --
        (image bytes)
        """;

    /// <summary>An article whose body's line 3 (file line 9) is <paramref name="line"/>.</summary>
    private static TempSite SiteWith(string line) => TempSite.Create(Target + $"""

        -- articles/talks.md --
        ---
        title: Talks
        date: 2024-01-02
        author: jane-doe
        category: world
        ---
        Intro.

        {line}

        Outro.
        """);

    private static async Task<string> RenderedTalksAsync(string line)
    {
        using var site = SiteWith(line);
        var result = await site.CheckAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "talks/index.html").Content.Span);
    }

    private static async Task<Diagnostic> SingleErrorAsync(string line, DiagnosticDescriptor descriptor, int column = 1)
    {
        using var site = SiteWith(line);
        var result = await site.CheckAsync();
        return DiagnosticAssert.Single(result.Diagnostics, descriptor, "articles/talks.md", 9, column);
    }

    [Fact]
    public async Task Also_read_renders_a_link_titled_with_the_target_articles_title() =>
        Assert.Contains("<p class=\"also-read\"><strong>Also Read:</strong> <a href=\"/trade-deal/\">Trade deal &lt;signed&gt;</a></p>", await RenderedTalksAsync("{{< also-read trade-deal >}}"), StringComparison.Ordinal);

    [Fact]
    public async Task Also_read_without_a_slug_is_an_argument_error() =>
        Assert.Contains("'also-read' needs the slug", (await SingleErrorAsync("{{< also-read >}}", DiagnosticCodes.ShortcodeArgument)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Also_read_to_an_unknown_slug_is_an_error_at_the_shortcode() =>
        Assert.Contains("'trade-dael'", (await SingleErrorAsync("{{< also-read trade-dael >}}", DiagnosticCodes.AlsoReadUnknown)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Figure_renders_image_caption_and_credit()
    {
        var html = await RenderedTalksAsync("{{< figure src=\"/images/port.png\" alt=\"The port\" caption=\"Cranes at dawn\" credit=\"Photo: A. Lane\" >}}");

        Assert.Contains("<figure class=\"figure\"><img src=\"/images/port.png\" alt=\"The port\" loading=\"lazy\"><figcaption>Cranes at dawn <span class=\"credit\">Photo: A. Lane</span></figcaption></figure>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figure_without_alt_is_an_argument_error() =>
        Assert.Contains("needs alt=", (await SingleErrorAsync("{{< figure src=\"/images/port.png\" >}}", DiagnosticCodes.ShortcodeArgument)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Figure_with_a_script_url_is_an_argument_error() =>
        Assert.Contains("needs src=", (await SingleErrorAsync("{{< figure src=\"javascript:alert(1)\" alt=\"x\" >}}", DiagnosticCodes.ShortcodeArgument)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Quote_renders_a_pull_quote_with_its_source() =>
        Assert.Contains("<figure class=\"pull-quote\"><blockquote><p>We will &quot;meet&quot; again.</p></blockquote><figcaption>— The envoy</figcaption></figure>", await RenderedTalksAsync("{{< quote text=\"We will \\\"meet\\\" again.\" source=\"The envoy\" >}}"), StringComparison.Ordinal);

    [Fact]
    public async Task Quote_without_text_is_an_argument_error() =>
        Assert.Contains("'quote' needs text=", (await SingleErrorAsync("{{< quote source=\"The envoy\" >}}", DiagnosticCodes.ShortcodeArgument)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Youtube_renders_a_privacy_friendly_nocookie_link() =>
        Assert.Contains("<p class=\"video\"><a href=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\">Watch the video on YouTube</a></p>", await RenderedTalksAsync("{{< youtube dQw4w9WgXcQ >}}"), StringComparison.Ordinal);

    [Fact]
    public async Task Youtube_with_a_malformed_id_is_an_argument_error() =>
        Assert.Contains("'youtube' needs the video id", (await SingleErrorAsync("{{< youtube \"<script>\" >}}", DiagnosticCodes.ShortcodeArgument)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task An_unknown_shortcode_is_an_error_listing_the_known_ones() =>
        Assert.Equal("The shortcode 'gallery' is unknown; known shortcodes: also-read, figure, quote, youtube.", (await SingleErrorAsync("{{< gallery a b >}}", DiagnosticCodes.ShortcodeUnknown)).Message);

    [Fact]
    public async Task An_indented_shortcode_is_reported_at_its_own_column() =>
        await SingleErrorAsync("  {{< gallery >}}", DiagnosticCodes.ShortcodeUnknown, column: 3);

    [Fact]
    public async Task An_unclosed_shortcode_is_an_error() =>
        await SingleErrorAsync("{{< also-read trade-deal", DiagnosticCodes.ShortcodeUnclosed);

    [Fact]
    public async Task A_ref_link_resolves_to_the_articles_url_keeping_its_anchor() =>
        Assert.Contains("See <a href=\"/trade-deal/#key-points\">the deal</a>.", await RenderedTalksAsync("See [the deal](ref:trade-deal#key-points)."), StringComparison.Ordinal);

    [Fact]
    public async Task A_ref_link_to_an_unknown_slug_is_an_error_at_the_link() =>
        await SingleErrorAsync("See [the deal](ref:no-such-deal).", DiagnosticCodes.AlsoReadUnknown, column: 5);
}
