using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Golden snapshots of one page of each type of the fixed test site: any change to output shows up here for review.</summary>
public sealed class GoldenPageTests
{
    private static async Task<string> RenderGoldenAsync(string path)
    {
        var result = await SiteGenerator.CheckAsync(new BuildOptions { SourcePath = TestSites.Golden, Clock = new FixedClock(FixedClock.DefaultNow) });
        DiagnosticAssert.NoErrors(result.Diagnostics);
        var file = result.Files.SingleOrDefault(f => f.Path == path);
        Assert.True(file is not null, $"The golden site has no page {path}; it has:\n{string.Join('\n', result.Files.Select(f => f.Path))}");
        return System.Text.Encoding.UTF8.GetString(file.Content.Span);
    }

    [Fact]
    public async Task Home_page() => Snapshot.Verify(await RenderGoldenAsync("index.html"));

    [Fact]
    public async Task Home_page_2() => Snapshot.Verify(await RenderGoldenAsync("page/2/index.html"));

    [Fact]
    public async Task Article_page() => Snapshot.Verify(await RenderGoldenAsync("leaders-congratulate/index.html"));

    [Fact]
    public async Task Category_page() => Snapshot.Verify(await RenderGoldenAsync("category/diplomatic-news/index.html"));

    [Fact]
    public async Task Author_page() => Snapshot.Verify(await RenderGoldenAsync("author/ada-lane/index.html"));

    [Fact]
    public async Task Tag_page() => Snapshot.Verify(await RenderGoldenAsync("tag/trade/index.html"));

    [Fact]
    public async Task Tags_index_page() => Snapshot.Verify(await RenderGoldenAsync("tags/index.html"));

    [Fact]
    public async Task Archive_index_page() => Snapshot.Verify(await RenderGoldenAsync("archive/index.html"));

    [Fact]
    public async Task Archive_month_page() => Snapshot.Verify(await RenderGoldenAsync("archive/2026/03/index.html"));

    [Fact]
    public async Task Not_found_page() => Snapshot.Verify(await RenderGoldenAsync("404.html"));
}
