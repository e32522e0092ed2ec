using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// CI builds each push from a fresh clone: every site file new to the disk, in a folder the last run may not have had, with
/// the last run's output and cache folder put back beside it by the CI's cache (as the workflow made by <c>init</c> does),
/// files and folders with the times they had. The build is as incremental as on a writer's machine, and gives what a cold
/// build gives.
/// </summary>
public sealed class RestoredCacheTests
{
    private const string Site = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        tags: [trade]
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Gamma body.
        -- articles/d.md --
        ---
        title: Delta culture
        date: 2026-03-04 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Delta body.
        """;

    [Fact]
    public async Task A_fresh_clone_with_the_last_output_and_cache_restored_renders_only_what_an_edit_changed()
    {
        using var lastRun = TempSite.Create(Site);
        var cold = await lastRun.BuildAsync();
        using var clone = TempSite.Create(Site);
        RestoreAsACacheDoes(lastRun.DefaultOutput, clone.DefaultOutput);
        RestoreAsACacheDoes(lastRun.DefaultCache, clone.DefaultCache);
        clone.Write("articles/b.md", File.ReadAllText(Path.Combine(clone.Root, "articles/b.md")).Replace("Beta body.", "Beta body, with a quote added.", StringComparison.Ordinal));
        var before = WriteTimes(clone.DefaultOutput);

        var result = await clone.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.False(result.UpToDate);
        // The one body rendered from Markdown, every front matter and the other bodies taken from the restored cache.
        Assert.Equal((1, 4, 3), (result.BodiesRendered, result.FrontMattersReused, result.BodiesReused));
        Assert.InRange(result.PagesRendered, 1, (cold.PagesRendered / 2) - 1);
        var written = Rewritten(before, WriteTimes(clone.DefaultOutput));
        Assert.Contains(Path.Combine("b", "index.html"), written);
        Assert.DoesNotContain(Path.Combine("a", "index.html"), written);
        Assert.Contains("with a quote added", clone.ReadOutput("b/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(clone);
    }

    [Fact]
    public async Task A_fresh_clone_of_an_unchanged_site_with_the_last_output_and_cache_restored_is_up_to_date()
    {
        using var lastRun = TempSite.Create(Site);
        await lastRun.BuildAsync();
        using var clone = TempSite.Create(Site);
        RestoreAsACacheDoes(lastRun.DefaultOutput, clone.DefaultOutput);
        RestoreAsACacheDoes(lastRun.DefaultCache, clone.DefaultCache);
        var before = WriteTimes(clone.DefaultOutput);

        var result = await clone.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.UpToDate);
        Assert.Equal(before, WriteTimes(clone.DefaultOutput));
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> as a CI cache restores a folder: each file and folder with its last write time.</summary>
    private static void RestoreAsACacheDoes(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            RestoreAsACacheDoes(folder, Path.Combine(to, Path.GetFileName(folder)));
        }

        Directory.SetLastWriteTimeUtc(to, Directory.GetLastWriteTimeUtc(from));
    }
}
