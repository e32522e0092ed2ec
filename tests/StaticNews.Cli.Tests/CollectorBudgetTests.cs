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
    [InlineData(96, 576)]
    [InlineData(1000, 2048)]
    public void The_budget_is_six_times_the_cache_from_64_MiB_up_to_a_quarter_of_the_memory(long cacheMiB, long budgetMiB)
    {
        Assert.Equal(budgetMiB * MiB, CollectorBudget.Of(cacheMiB * MiB, availableBytes: 8192 * MiB));
    }

    [Fact]
    public async Task An_incremental_build_process_runs_without_collecting_and_a_first_build_collects_as_usual()
    {
        using var site = GeneratedNewsroom.Create(40);
        var output = Path.Combine(site.Parent, "out");
        var (exitCode, first, error) = await ChildBuild.RunAsync(new Dictionary<string, string>(), "build", site.Root, "--output", output, "--verbose");
        Assert.True(exitCode == 0, error);
        File.AppendAllText(Path.Combine(site.Root, "articles", "story-00003.md"), "\nOne more paragraph.\n");

        // A 1 MiB allocation budget between collections: a build collecting as usual would collect many times.
        (exitCode, var edit, error) = await ChildBuild.RunAsync(SmallGenerations, "build", site.Root, "--output", output, "--verbose");

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("collector held off", first, StringComparison.Ordinal);
        Assert.Contains("collector held off for the first 64 MiB", edit, StringComparison.Ordinal);
        var collections = CollectionCounts().Match(edit);
        Assert.True(collections.Success, edit);

        // The one collection is the full one that starts the hold: none happened while the build ran.
        Assert.True(collections.Groups["gen0"].Value == "1" && collections.Groups["gen2"].Value == "1", edit);
    }

    private static Dictionary<string, string> SmallGenerations => new() { ["DOTNET_GCgen0size"] = "0x100000" };

    [GeneratedRegex(@"(?<gen0>\d+)/\d+/(?<gen2>\d+) collections")]
    private static partial Regex CollectionCounts();
}
