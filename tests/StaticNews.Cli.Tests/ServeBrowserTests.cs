using Microsoft.Playwright;
using StaticNews.Cli.Tests.Infrastructure;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>The preview in a real headless Chromium (Debian's, installed by .ci/run): an edit on disk shows up without a manual reload.</summary>
public sealed class ServeBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task Editing_an_articles_title_on_disk_updates_the_open_page()
    {
        Assert.True(File.Exists(ChromiumPath), $"This test needs Chromium at {ChromiumPath}: run 'apt-get update && apt-get install -y chromium' (.ci/run does).");
        using var site = TempSite.Create("""
            -- articles/world/talks.md --
            ---
            title: Talks resume in Geneva
            date: 2026-03-19 10:00
            author: jane-doe
            category: world/diplomacy
            ---
            Delegations met again on Tuesday.
            """);
        await using var serve = await ServeRun.StartAsync(site.Root);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(serve.BaseAddress, "talks/").ToString());
        Assert.Equal("Talks resume in Geneva", await page.TextContentAsync("h1"));
        await page.EvaluateAsync("() => { window.__staticnewsMarker = 'same page until reloaded'; }");

        var path = Path.Combine(site.Root, "articles/world/talks.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Talks resume in Geneva", "Talks collapse in Geneva", StringComparison.Ordinal));

        await page.WaitForFunctionAsync(
            "() => document.querySelector('h1')?.textContent === 'Talks collapse in Geneva'",
            null,
            new PageWaitForFunctionOptions { Timeout = (float)ServeRun.Patience.TotalMilliseconds });
        Assert.Equal("Talks collapse in Geneva", await page.TextContentAsync("h1"));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__staticnewsMarker ?? null"));
    }
}
