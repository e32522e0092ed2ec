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

    [Fact]
    public async Task A_build_on_the_calling_thread_writes_what_a_build_on_a_pool_thread_does()
    {
        var site = Path.Combine(TestSites.RepositoryRoot, "site");
        BuildOptions Options(string output) => new() { SourcePath = site, OutputPath = Path.Combine(_parent, output), Clock = new FixedClock(FixedClock.DefaultNow) };

        var pooled = await SiteGenerator.BuildAsync(Options("pooled"));
        var calling = SiteGenerator.Build(Options("calling"));

        DiagnosticAssert.NoErrors(pooled.Diagnostics);
        DiagnosticAssert.NoErrors(calling.Diagnostics);
        var written = Snapshotting.Folder(Path.Combine(_parent, "pooled"));
        Assert.True(written.Count > 100, $"only {written.Count} files");
        Assert.Equal(written, Snapshotting.Folder(Path.Combine(_parent, "calling")));
    }

    [Fact]
    public async Task A_build_writes_each_page_with_the_bytes_a_render_into_memory_gives()
    {
        // A build hands each page to the disk straight from the buffer it was rendered into, reused for the next page; a
        // render into memory copies each page. Any page left holding a neighbour's bytes shows up as a difference.
        var site = Path.Combine(TestSites.RepositoryRoot, "site");
        var options = new BuildOptions { SourcePath = site, OutputPath = Path.Combine(_parent, "built"), Clock = new FixedClock(FixedClock.DefaultNow) };

        var built = await SiteGenerator.BuildAsync(options);
        var rendered = await SiteGenerator.RenderAsync(options);

        DiagnosticAssert.NoErrors(built.Diagnostics);
        DiagnosticAssert.NoErrors(rendered.Diagnostics);
        var pages = rendered.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 100, $"only {pages.Count} pages");
        Assert.All(pages, page => Assert.True(
            File.ReadAllBytes(Path.Combine(options.ResolvedOutputPath, page.Path)).AsSpan().SequenceEqual(page.Content.Span),
            $"{page.Path} differs between the build and the render into memory"));
    }
}
