using System.Text.RegularExpressions;
using StaticNews.Cli.Commands;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The build process holds the garbage collector off for an incremental build, within a budget set by the cache it reads,
/// and leaves a first build alone.
/// </summary>
public sealed partial class CollectorBudgetTests
{
    private const long MiB = 1L << 20;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 64)]
    [InlineData(20, 64)]
    [InlineData(96, 176)]
    [InlineData(962, 1475)]
    [InlineData(2000, 2048)]
    public void The_budget_is_one_and_a_half_times_the_cache_and_32_MiB_from_64_MiB_up_to_a_quarter_of_the_memory(long cacheMiB, long budgetMiB)
    {
        Assert.Equal(budgetMiB * MiB, CollectorBudget.Of(cacheMiB * MiB, availableBytes: 8192 * MiB));
    }

    [Fact]
    public async Task An_incremental_build_process_runs_without_collecting_and_a_first_build_collects_as_usual()
    {
        using var site = GeneratedNewsroom.Create(40);
        var first = await BuildAsync(site, [], "--verbose");
        File.AppendAllText(Path.Combine(site.Root, "articles", "story-00003.md"), "\nOne more paragraph.\n");

        // A 1 MiB allocation budget between collections: a build collecting as usual would collect many times.
        var edit = await BuildAsync(site, SmallGenerations, "--verbose");

        Assert.DoesNotContain("collector held off", first, StringComparison.Ordinal);
        Assert.Contains("collector held off for the first 64 MiB", edit, StringComparison.Ordinal);

        // The one collection is the full one that starts the hold: none happened while the build ran.
        AssertOnlyTheHoldCollected(edit);
    }

    [Fact]
    public async Task An_unchanged_build_process_is_held_off_from_before_it_stamps_the_sources()
    {
        using var site = GeneratedNewsroom.Create(40);
        await BuildAsync(site, []);
        // Checked out well before the build: the next build trusts their time stamps.
        site.AgeFiles(TimeSpan.FromHours(1));
        await BuildAsync(site, []);

        var unchanged = await BuildAsync(site, SmallGenerations, "--verbose");

        Assert.Contains("Up to date", unchanged, StringComparison.Ordinal);
        Assert.Contains("collector held off for the first 64 MiB", unchanged, StringComparison.Ordinal);
        AssertOnlyTheHoldCollected(unchanged);
    }

    [Fact]
    public async Task A_build_process_that_turns_out_large_lets_the_collector_work_again_and_says_so()
    {
        using var site = GeneratedNewsroom.Create(10);
        await BuildAsync(site, []);
        // Every cached front matter and body depends on site.yml's bytes: all of them are made again.
        File.AppendAllText(Path.Combine(site.Root, "site.yml"), "\n# edited\n");

        var large = await BuildAsync(site, [], "--verbose");

        Assert.Contains("collector held off, then working again", large, StringComparison.Ordinal);
        Assert.DoesNotContain("held off for the first", large, StringComparison.Ordinal);
        Assert.DoesNotContain("huge pages advised", large, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_build_process_collects_as_usual()
    {
        using var site = GeneratedNewsroom.Create(10);
        await BuildAsync(site, []);

        var forced = await BuildAsync(site, [], "--force", "--verbose");

        Assert.Contains("Memory:", forced, StringComparison.Ordinal);
        Assert.DoesNotContain("collector held off", forced, StringComparison.Ordinal);
    }

    /// <summary>Builds <paramref name="site"/> into the folder beside it in a child process, which must succeed; returns what it printed.</summary>
    private static async Task<string> BuildAsync(TempSite site, Dictionary<string, string> environment, params string[] options)
    {
        var (exitCode, printed, error) = await ChildBuild.RunAsync(environment, ["build", site.Root, "--output", Path.Combine(site.Parent, "out"), .. options]);
        Assert.True(exitCode == 0, error);
        return printed;
    }

    private static void AssertOnlyTheHoldCollected(string printed)
    {
        var collections = CollectionCounts().Match(printed);
        Assert.True(collections.Success && collections.Groups["gen0"].Value == "1" && collections.Groups["gen2"].Value == "1", printed);
    }

    private static Dictionary<string, string> SmallGenerations => new() { ["DOTNET_GCgen0size"] = "0x100000" };

    [GeneratedRegex(@"(?<gen0>\d+)/\d+/(?<gen2>\d+) collections")]
    private static partial Regex CollectionCounts();
}
