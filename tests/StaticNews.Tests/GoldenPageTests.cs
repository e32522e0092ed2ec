using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Golden snapshots of pages of the fixed test site: any change to output shows up here for review.</summary>
public sealed class GoldenPageTests
{
    private static async Task<IReadOnlyDictionary<string, string>> RenderGoldenAsync()
    {
        var result = await SiteGenerator.CheckAsync(new BuildOptions { SourcePath = TestSites.Golden, Clock = new FixedClock(FixedClock.DefaultNow) });
        DiagnosticAssert.NoErrors(result.Diagnostics);
        return result.Files.ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content.Span), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Article_page()
    {
        var files = await RenderGoldenAsync();

        Snapshot.Verify(files["leaders-congratulate/index.html"]);
    }
}
