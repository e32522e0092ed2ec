using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// A real build process interrupted while it writes: kill -9 and Ctrl+C (SIGINT), or met by a second build of the same
/// output. The test hook STATICNEWS_TEST_WRITE_DELAY_MS slows each file write so the interruption lands mid-write.
/// </summary>
public sealed class InterruptedBuildTests : IDisposable
{
    private static readonly Dictionary<string, string> NoHooks = [];
    private static readonly Dictionary<string, string> SlowWrites = new() { ["STATICNEWS_TEST_WRITE_DELAY_MS"] = "40" };
    private static readonly Dictionary<string, string> SlowApply = new() { ["STATICNEWS_TEST_APPLY_DELAY_MS"] = "40" };

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_parent, "public");

    private string Staging => new OutputFolder(Output).StagingPath;

    private static string Site => Path.Combine(TestSites.RepositoryRoot, "site");

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_build_killed_with_sigkill_mid_write_leaves_the_previous_output_and_the_next_build_cleans_up()
    {
        var before = await FirstBuildAsync();
        using var child = ChildBuild.Start(SlowWrites, "build", Site, "--output", Output, "--force");
        await child.WaitUntilAsync(() => FilesIn(Staging) >= 10, "the staging folder holds some files", TimeSpan.FromMinutes(2));

        child.KillHard();
        await child.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(before, FolderState.Of(Output));
        Assert.True(Directory.Exists(Staging), "the kill should have landed mid-write, leaving a staging folder");
        var (exitCode, _, error) = await ChildBuild.RunAsync(NoHooks, "build", Site, "--output", Output);
        Assert.True(exitCode == 0, error);
        Assert.False(Directory.Exists(Staging));
        Assert.Equal(before, FolderState.Of(Output));
    }

    [Theory]
    [InlineData("Ctrl+C")]
    [InlineData("Ctrl+\\")]
    public async Task An_interrupt_mid_write_exits_with_130_leaves_the_previous_output_and_removes_staging(string keys)
    {
        var before = await FirstBuildAsync();
        using var child = ChildBuild.Start(SlowWrites, "build", Site, "--output", Output, "--force");
        await child.WaitUntilAsync(() => FilesIn(Staging) >= 10, "the staging folder holds some files", TimeSpan.FromMinutes(2));

        await (keys == "Ctrl+C" ? child.InterruptAsync() : child.QuitAsync());
        var exitCode = await child.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 130, $"exit code {exitCode}\n{child.Output}\n{child.Error}");
        Assert.Contains("Cancelled", child.Error, StringComparison.Ordinal);
        Assert.Equal(before, FolderState.Of(Output));
        Assert.False(Directory.Exists(Staging));
    }

    [Fact]
    public async Task A_build_killed_while_applying_its_changes_in_place_is_completed_by_the_next_build()
    {
        await FirstBuildAsync();
        // Another base URL changes every page, so the incremental build has hundreds of files to move into the output.
        string[] otherBase = ["--base-url", "https://news.example.org/mirror/"];
        var journal = Path.Combine(Staging, OutputPatch.JournalFileName);
        using var child = ChildBuild.Start(SlowApply, ["build", Site, "--output", Output, .. otherBase]);
        await child.WaitUntilAsync(() => File.Exists(journal), "the build started applying its changes", TimeSpan.FromMinutes(2));
        await Task.Delay(300);

        child.KillHard();
        await child.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(File.Exists(journal), "the kill should have landed mid-apply, leaving the journal");
        var (exitCode, _, error) = await ChildBuild.RunAsync(NoHooks, ["build", Site, "--output", Output, .. otherBase]);
        Assert.True(exitCode == 0, error);
        Assert.False(Directory.Exists(Staging));
        var cold = Path.Combine(_parent, "cold");
        (exitCode, _, error) = await ChildBuild.RunAsync(NoHooks, ["build", Site, "--output", cold, "--force", .. otherBase]);
        Assert.True(exitCode == 0, error);
        Assert.Equal(FolderState.Of(cold), FolderState.Of(Output));
    }

    [Fact]
    public async Task A_second_build_started_while_the_first_writes_waits_for_it_and_both_succeed()
    {
        // Found by running two builds at once: the second removed the first's staging folder as a killed build's leftover,
        // and the first ended with an unhandled exception.
        using var first = ChildBuild.Start(new Dictionary<string, string> { ["STATICNEWS_TEST_WRITE_DELAY_MS"] = "5" }, "build", Site, "--output", Output);
        await first.WaitUntilAsync(() => FilesIn(Staging) >= 10, "the first build's staging folder holds some files", TimeSpan.FromMinutes(2));

        var (exitCode, output, error) = await ChildBuild.RunAsync(NoHooks, "build", Site, "--output", Output);
        var firstExitCode = await first.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(firstExitCode == 0, $"the first build: exit code {firstExitCode}\n{first.Output}\n{first.Error}");
        Assert.True(exitCode == 0, $"the second build: exit code {exitCode}\n{output}\n{error}");
        Assert.Contains("Waiting for another build of", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Staging));
        var cold = Path.Combine(_parent, "cold");
        (exitCode, _, error) = await ChildBuild.RunAsync(NoHooks, "build", Site, "--output", cold, "--force");
        Assert.True(exitCode == 0, error);
        Assert.Equal(FolderState.Of(cold), FolderState.Of(Output));
    }

    private async Task<IReadOnlyList<string>> FirstBuildAsync()
    {
        var (exitCode, _, error) = await ChildBuild.RunAsync(NoHooks, "build", Site, "--output", Output);
        Assert.True(exitCode == 0, error);
        return FolderState.Of(Output);
    }

    private static int FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
}
