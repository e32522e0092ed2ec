using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The same input gives the same bytes: rendering runs in parallel, yet two builds of the sample newsroom are identical.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task Two_builds_of_the_sample_site_at_the_same_time_are_byte_identical()
    {
        var site = Path.Combine(TestSites.RepositoryRoot, "site");
        BuildOptions Options(string output) => new() { SourcePath = site, OutputPath = Path.Combine(_parent, output), Clock = new FixedClock(FixedClock.DefaultNow) };

        // Side by side, so the parallel stages of the two builds interleave differently.
        var results = await Task.WhenAll(SiteGenerator.BuildAsync(Options("first")), SiteGenerator.BuildAsync(Options("second")));

        Assert.All(results, r => DiagnosticAssert.NoErrors(r.Diagnostics));
        var first = Snapshotting.Folder(Path.Combine(_parent, "first"));
        Assert.True(first.Count > 100, $"only {first.Count} files");
        Assert.Equal(first, Snapshotting.Folder(Path.Combine(_parent, "second")));
    }
}
