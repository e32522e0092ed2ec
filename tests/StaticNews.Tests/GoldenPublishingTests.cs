using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Golden snapshots of the golden site's feeds and sitemap: any change to their format shows up here for review.</summary>
public sealed class GoldenPublishingTests
{
    private static async Task<BuildResult> CheckGoldenAsync()
    {
        var result = await SiteGenerator.CheckAsync(new BuildOptions { SourcePath = TestSites.Golden, Clock = new FixedClock(FixedClock.DefaultNow) });
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return result;
    }

    [Fact]
    public async Task Rss_feed() => Snapshot.Verify(PublishedFeeds.Text(await CheckGoldenAsync(), "rss.xml"), "xml");

    [Fact]
    public async Task Atom_feed() => Snapshot.Verify(PublishedFeeds.Text(await CheckGoldenAsync(), "atom.xml"), "xml");

    [Fact]
    public async Task Json_feed() => Snapshot.Verify(PublishedFeeds.Text(await CheckGoldenAsync(), "feed.json"), "json");

    [Fact]
    public async Task Sitemap() => Snapshot.Verify(PublishedFeeds.Text(await CheckGoldenAsync(), "sitemap.xml"), "xml");
}
