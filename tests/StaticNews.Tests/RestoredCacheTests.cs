using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// CI builds each push from a fresh clone: every site file new to the disk, in a folder the last run may not have had. Where
/// the last run's output and cache folder are put back beside it (a CI cache, a runner that keeps its workspace), files and
/// folders with the times they had, the build is as incremental as on a writer's machine, and gives what a cold build gives.
/// </summary>
public sealed class RestoredCacheTests
{
    private const int Articles = 20;

    [Fact]
    public async Task A_fresh_clone_with_the_last_output_and_cache_restored_renders_only_what_an_edit_changed()
    {
        using var lastRun = GeneratedNewsroom.Create(Articles);
        var cold = await lastRun.BuildAsync();
        using var clone = GeneratedNewsroom.Create(Articles);
        RestoreAsACacheDoes(lastRun.DefaultOutput, clone.DefaultOutput);
        RestoreAsACacheDoes(lastRun.DefaultCache, clone.DefaultCache);
        GeneratedNewsroom.EditBody(clone, 7, "A quote added");
        var before = WriteTimes(clone.DefaultOutput);

        var result = await clone.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.False(result.UpToDate);
        // The one body rendered from Markdown, every front matter and the other bodies taken from the restored cache.
        Assert.Equal((1, Articles, Articles - 1), (result.BodiesRendered, result.FrontMattersReused, result.BodiesReused));
        Assert.InRange(result.PagesRendered, 1, cold.PagesRendered / 4);
        var written = Rewritten(before, WriteTimes(clone.DefaultOutput));
        Assert.InRange(written.Count, 1, cold.FilesWritten / 4);
        Assert.Contains(written, path => path.EndsWith(".html", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(clone.DefaultOutput, path)).Contains("A quote added to story 7", StringComparison.Ordinal));
        await AssertSameAsColdBuildAsync(clone);
    }

    [Fact]
    public async Task A_fresh_clone_of_an_unchanged_site_with_the_last_output_and_cache_restored_is_up_to_date()
    {
        using var lastRun = GeneratedNewsroom.Create(Articles);
        await lastRun.BuildAsync();
        using var clone = GeneratedNewsroom.Create(Articles);
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
