using Microsoft.Playwright;
using StaticNews.Search;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// Search end to end: the sample site built, served over 127.0.0.1, and searched by typing into the search page in headless Chromium.
/// Needs /usr/bin/chromium (.ci/run installs it); fails with a clear message when it is missing.
/// </summary>
public sealed class SearchBrowserTests(SampleSiteBuild sample) : IClassFixture<SampleSiteBuild>
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Generous waits for a shared, busy CI machine; a hang still fails.</summary>
    private static LocatorAssertionsToHaveTextOptions TextWait => new() { Timeout = 20_000 };
    private static LocatorAssertionsToContainTextOptions ContainWait => new() { Timeout = 20_000 };

    [Fact]
    public async Task Typing_a_prefix_on_the_search_page_shows_the_expected_article_first()
    {
        await using var browser = await BrowserSession.StartAsync(sample.Output);

        await browser.Page.GotoAsync(browser.Server.BaseUrl + "search/");
        await browser.Page.Locator("#search-query").PressSequentiallyAsync("Saltm", new() { Delay = 30 });

        var first = browser.Page.Locator("#search-results li").First.Locator("a");
        await Assertions.Expect(first).ToHaveTextAsync("Port of Saltmere opens new container terminal", TextWait);
        var href = await first.GetAttributeAsync("href");
        Assert.Equal(browser.Server.BaseUrl + "port-of-saltmere-opens-new-container-terminal/", href);
        await Assertions.Expect(browser.Page.Locator("#search-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+ articles? match(es)?\\.$"), TextWait);
        Assert.Contains(browser.Server.Requests, r => r == "/search/index/sa.json");
        Assert.DoesNotContain(browser.Server.Requests, r => r == "/search/index/tr.json");
    }

    [Theory]
    [InlineData("trade")]
    [InlineData("Dipl")]
    [InlineData("climate talks")]
    [InlineData("\"green shipping\"")]
    [InlineData("embassy visa")]
    [InlineData("DÍPLOMATÏC")]
    public async Task The_browser_ranks_like_the_csharp_ranker(string query)
    {
        var model = sample.Result.Model!;
        var index = SearchIndex.Build(model.Site, d => string.Empty);
        var expected = SearchRanker.Rank(index, SearchQuery.Parse(query)).Select(r => r.Document.Title).Take(50).ToList();
        Assert.NotEmpty(expected);
        await using var browser = await BrowserSession.StartAsync(sample.Output);

        await browser.Page.GotoAsync(browser.Server.BaseUrl + "search/?q=" + Uri.EscapeDataString(query));

        var status = browser.Page.Locator("#search-status");
        await Assertions.Expect(status).ToContainTextAsync(expected.Count == 1 ? "1 article matches." : $"{expected.Count} articles match.", ContainWait);
        var titles = await browser.Page.Locator("#search-results li h2 a").AllTextContentsAsync();
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task Search_works_on_a_site_served_under_a_sub_path()
    {
        await using var browser = await BrowserSession.StartAsync(sample.SubPathOutput, "/news/");

        await browser.Page.GotoAsync(browser.Server.BaseUrl + "search/?q=saltmere");

        var first = browser.Page.Locator("#search-results li").First.Locator("a");
        await Assertions.Expect(first).ToHaveTextAsync("Port of Saltmere opens new container terminal", TextWait);
        Assert.Equal(browser.Server.Origin + "news/port-of-saltmere-opens-new-container-terminal/", await first.GetAttributeAsync("href"));
        Assert.Contains(browser.Server.Requests, r => r == "/news/search/meta.json");
    }

    [Fact]
    public async Task The_header_search_box_submits_the_query_to_the_search_page()
    {
        await using var browser = await BrowserSession.StartAsync(sample.Output);

        await browser.Page.GotoAsync(browser.Server.BaseUrl);
        await browser.Page.GetByLabel("Search The Meridian Courier").FillAsync("coral");
        await browser.Page.GetByLabel("Search The Meridian Courier").PressAsync("Enter");

        await Assertions.Expect(browser.Page.Locator("#search-results li").First.Locator("a")).ToHaveTextAsync("Maldives and research partners launch coral restoration project", TextWait);
        Assert.Equal("coral", await browser.Page.Locator("#search-query").InputValueAsync());
    }

    private sealed class BrowserSession : IAsyncDisposable
    {
        private BrowserSession(StaticFileServer server, IPlaywright playwright, IBrowser browser, IPage page)
        {
            Server = server;
            Playwright = playwright;
            Browser = browser;
            Page = page;
        }

        public StaticFileServer Server { get; }
        public IPlaywright Playwright { get; }
        public IBrowser Browser { get; }
        public IPage Page { get; }

        public static async Task<BrowserSession> StartAsync(string root, string mount = "/")
        {
            Assert.True(File.Exists(Chromium), $"Chromium is missing at {Chromium}; install it with `apt-get update && apt-get install -y chromium` (.ci/run does this).");
            var server = new StaticFileServer(root, mount);
            var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            return new BrowserSession(server, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
            Server.Dispose();
        }
    }
}
