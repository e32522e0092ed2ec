using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>One build at a time per output folder: a second build waits for the first instead of removing its staging folder.</summary>
public sealed class OutputLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_build_waits_while_another_holds_the_output_then_builds_over_what_it_left()
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle);
        DiagnosticAssert.NoErrors((await site.BuildAsync()).Diagnostics);
        site.Write("articles/second.md", "---\ntitle: Second\ndate: 2026-03-20\nauthor: jane-doe\ncategory: culture\n---\nMore.\n");
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<BuildResult> build;
        using (OutputLock.Take(new OutputFolder(site.DefaultOutput), onWait: null, CancellationToken.None))
        {
            build = site.BuildAsync(o => o with { OnWaitingForOtherBuild = waiting.SetResult });
            await waiting.Task.WaitAsync(Patience);
            await Task.Delay(200);
            Assert.False(build.IsCompleted, "the build went on while another held the output");
            Assert.False(site.OutputExists("second/index.html"));
        }

        var result = await build.WaitAsync(Patience);
        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(site.OutputExists("second/index.html"));
        await IncrementalChecks.AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_build_cancelled_while_it_waits_leaves_the_output_as_it_was()
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle);
        DiagnosticAssert.NoErrors((await site.BuildAsync()).Diagnostics);
        site.Write("articles/second.md", "---\ntitle: Second\ndate: 2026-03-20\nauthor: jane-doe\ncategory: culture\n---\nMore.\n");
        var before = FolderState.Of(site.DefaultOutput);
        using var cancel = new CancellationTokenSource();

        using (OutputLock.Take(new OutputFolder(site.DefaultOutput), onWait: null, CancellationToken.None))
        {
            var build = SiteGenerator.BuildAsync(site.Options(o => o with { OnWaitingForOtherBuild = cancel.Cancel }), cancel.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build.WaitAsync(Patience));
        }

        Assert.Equal(before, FolderState.Of(site.DefaultOutput));
    }

    [Fact]
    public async Task Builds_that_never_meet_another_are_not_told_to_wait_and_a_build_without_a_cache_leaves_no_folder_for_its_lock()
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle);
        var waited = false;
        var cache = new OutputFolder(site.DefaultOutput).CachePath;

        var forced = await site.BuildAsync(o => o with { Incremental = false, OnWaitingForOtherBuild = () => waited = true });
        Assert.True(forced.Succeeded);
        Assert.False(Directory.Exists(cache), "a build that keeps no cache left a folder for its lock");

        site.Write("articles/broken.md", "---\ntitle: Broken\n---\n");
        Directory.Delete(site.DefaultOutput, recursive: true);
        var failed = await site.BuildAsync(o => o with { OnWaitingForOtherBuild = () => waited = true });
        Assert.False(failed.Succeeded);
        Assert.False(Directory.Exists(cache), "a failed first build left a folder for its lock");

        site.Delete("articles/broken.md");
        Assert.True((await site.BuildAsync(o => o with { OnWaitingForOtherBuild = () => waited = true })).Succeeded);
        Assert.True(File.Exists(Path.Combine(cache, OutputLock.FileName)));
        Assert.False(waited);
    }

    [Fact]
    public async Task A_folder_refused_as_output_gets_no_cache_folder_beside_it()
    {
        using var site = TempSite.Create(OutputSafetyTests.OneArticle);
        var foreign = Path.Combine(site.Parent, "somebody-elses");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");

        var result = await site.BuildAsync(o => o with { OutputPath = foreign });

        Assert.Contains(result.Diagnostics, d => d.Code == "SN0601");
        Assert.False(Directory.Exists(new OutputFolder(foreign).CachePath));
    }
}
