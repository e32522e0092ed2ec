using StaticNews.Benchmarks;

namespace StaticNews.Cli.Tests;

/// <summary>The benchmark's verdict on the performance issue's targets, from one run's figures.</summary>
public sealed class PerformanceTargetsTests
{
    [Fact]
    public void A_run_within_every_target_says_each_was_met_and_compares_the_cold_build_with_hugo_only_at_ten_thousand_articles()
    {
        var lines = PerformanceTargets.Describe(
        [
            new SizeFigures(10_000, ColdWallSeconds: 5.0, ColdPeakKiB: 400_000, NoChangeWallSeconds: 0.05, MostFilesWrittenUnchanged: 0, EditWallSeconds: 0.35, HugoColdWallSeconds: 20.0, HugoColdPeakKiB: 2_000_000),
            new SizeFigures(1_000, ColdWallSeconds: 0.7, ColdPeakKiB: 90_000, NoChangeWallSeconds: 0.03, MostFilesWrittenUnchanged: 0, EditWallSeconds: 0.06, HugoColdWallSeconds: 2.0, HugoColdPeakKiB: 280_000),
        ]);

        Assert.Equal(
        [
            "Targets of the performance issue, from this run's medians:",
            "  1,000 articles, no change: 4.3 % of the cold build (at most 5 %), no file written: met",
            "  1,000 articles, one body edited: 8.6 % of the cold build (at most 10 %): met",
            "  10,000 articles, cold build: wall time 0.25 of Hugo's (at most a third): met",
            "  10,000 articles, cold build: peak memory 0.20 of Hugo's (at most a quarter): met",
            "  10,000 articles, no change: 1.0 % of the cold build (at most 5 %), no file written: met",
            "  10,000 articles, one body edited: 7.0 % of the cold build (at most 10 %): met",
            "  All 6 targets measured were met.",
        ], lines);
    }

    [Fact]
    public void Each_target_beyond_its_limit_is_missed_and_counted()
    {
        var lines = PerformanceTargets.Describe(
        [
            new SizeFigures(10_000, ColdWallSeconds: 7.0, ColdPeakKiB: 600_000, NoChangeWallSeconds: 0.36, MostFilesWrittenUnchanged: 0, EditWallSeconds: 0.71, HugoColdWallSeconds: 20.0, HugoColdPeakKiB: 2_000_000),
        ]);

        Assert.Equal("  10,000 articles, cold build: wall time 0.35 of Hugo's (at most a third): MISSED", lines[1]);
        Assert.Equal("  10,000 articles, cold build: peak memory 0.30 of Hugo's (at most a quarter): MISSED", lines[2]);
        Assert.Equal("  10,000 articles, no change: 5.1 % of the cold build (at most 5 %), no file written: MISSED", lines[3]);
        Assert.Equal("  10,000 articles, one body edited: 10.1 % of the cold build (at most 10 %): MISSED", lines[4]);
        Assert.Equal("  4 of the 4 targets measured were missed.", lines[^1]);
    }

    [Fact]
    public void An_unchanged_build_that_writes_a_file_misses_its_target_however_fast_it_was()
    {
        var lines = PerformanceTargets.Describe(
            [new SizeFigures(1_000, ColdWallSeconds: 0.7, ColdPeakKiB: 90_000, NoChangeWallSeconds: 0.02, MostFilesWrittenUnchanged: 3, EditWallSeconds: 0.06, HugoColdWallSeconds: null, HugoColdPeakKiB: null)]);

        Assert.Equal("  1,000 articles, no change: 2.9 % of the cold build (at most 5 %), up to 3 files written (none allowed): MISSED", lines[1]);
        Assert.Equal("  1 of the 2 targets measured were missed.", lines[^1]);
    }

    [Fact]
    public void Without_hugo_the_cold_build_is_not_compared_nor_counted()
    {
        var lines = PerformanceTargets.Describe(
            [new SizeFigures(10_000, ColdWallSeconds: 5.0, ColdPeakKiB: 400_000, NoChangeWallSeconds: 0.05, MostFilesWrittenUnchanged: 0, EditWallSeconds: 0.35, HugoColdWallSeconds: null, HugoColdPeakKiB: null)]);

        Assert.Equal("  10,000 articles, cold build: not compared (Hugo is not installed)", lines[1]);
        Assert.Equal("  All 2 targets measured were met.", lines[^1]);
    }
}
