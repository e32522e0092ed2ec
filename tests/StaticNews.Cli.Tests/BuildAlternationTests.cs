using StaticNews.Benchmarks;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The benchmark's A/B command (<c>alternate</c>): two CLIs run in turn on one generated site, from copies made for the run,
/// and compared pair by pair. Stand-in executables (shell scripts) log each run, so the order and the copies are checked
/// without publishing the tool.
/// </summary>
public sealed class BuildAlternationTests
{
    [Fact]
    public void The_pairs_differences_give_the_mean_two_standard_errors_and_the_wins()
    {
        var comparison = PairedComparison.Of([10, 12, 14], [9, 13, 11]);

        // Differences -1, +1, -3: mean -1, standard deviation 2, standard error 2 / sqrt(3).
        Assert.Equal(3, comparison.Pairs);
        Assert.Equal(-1, comparison.MeanDifference, precision: 9);
        Assert.Equal(4 / Math.Sqrt(3), comparison.TwoStandardErrors, precision: 9);
        Assert.Equal(2, comparison.SecondFaster);
        Assert.Equal(12, comparison.FirstMedian);
        Assert.Equal(11, comparison.SecondMedian);
        Assert.Equal(11.5, PairedComparison.Median([14, 9, 13, 10]));
        Assert.Throws<ArgumentException>(() => PairedComparison.Of([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => PairedComparison.Of([1], [1]));
    }

    [Fact]
    public void A_difference_is_printed_to_a_tenth_with_its_sign_and_one_that_rounds_to_zero_as_plus_zero()
    {
        Assert.Equal("+1.3", BuildAlternation.Signed(1.25001));
        Assert.Equal("-0.1", BuildAlternation.Signed(-0.06));
        Assert.Equal("+0.0", BuildAlternation.Signed(-0.04));
        Assert.Equal("+0.0", BuildAlternation.Signed(0));
    }

    [Fact]
    public void Each_round_edits_the_newest_article_then_runs_both_copies_in_turn()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempFolder();
        var (_, log, first, second, work, copies) = Published(temp);
        var report = new StringWriter();

        new BuildAlternation(work, copies, report).Run(first, second, articles: 12, rounds: 3, edit: true);

        // Each builds twice before the timed rounds (cold, then unchanged), then a first in even rounds, b first in odd ones.
        var runs = File.ReadAllLines(log);
        Assert.Equal(["a", "a", "b", "b", "a", "b", "b", "a", "a", "b"], runs.Select(r => r.Split(' ')[0]));
        // They ran from the copies made for the run, building the generated site into outputs of their own.
        Assert.All(runs, run => Assert.StartsWith(run[..1] + " " + Path.Combine(copies, run[..1], BuildAlternation.ExecutableName) + " build " + Path.Combine(work, "site") + " -o " + Path.Combine(work, "out-" + run[..1]), run, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(first, BuildAlternation.ExecutableName)), File.ReadAllText(Path.Combine(copies, "a", BuildAlternation.ExecutableName)));

        var newest = Directory.GetFiles(Path.Combine(work, "site", "articles"), "*.md", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("added by the benchmark", StringComparison.Ordinal))
            .ToList();
        var edited = Assert.Single(newest);
        Assert.Equal(3, File.ReadAllText(edited).Split("added by the benchmark").Length - 1);

        var text = report.ToString();
        Assert.Contains("3 rounds of one-body edits at 12 articles", text, StringComparison.Ordinal);
        Assert.Contains("a   wall median", text, StringComparison.Ordinal);
        Assert.Contains("b   wall median", text, StringComparison.Ordinal);
        Assert.Matches(@"b - a: wall [+-]\d+\.\d \+- \d+\.\d ms, cpu [+-]\d+\.\d \+- \d+\.\d ms \(mean of 3 rounds' differences", text);
        Assert.Matches(@"b faster in [0-3] of 3 rounds", text);
    }

    [Fact]
    public void Unchanged_rounds_edit_nothing_and_a_failing_build_stops_the_run_naming_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempFolder();
        var (root, log, first, second, work, copies) = Published(temp);
        var report = new StringWriter();

        new BuildAlternation(work, copies, report).Run(first, second, articles: 12, rounds: 2, edit: false);

        Assert.Contains("2 rounds of unchanged builds", report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(work, "site", "articles"), "*.md", SearchOption.AllDirectories), path => File.ReadAllText(path).Contains("added by the benchmark", StringComparison.Ordinal));

        var failing = StandIn(Path.Combine(root, "published-c"), log, "c", exitCode: 3);
        var failure = Assert.Throws<InvalidOperationException>(() => new BuildAlternation(work, copies, TextWriter.Null).Run(first, failing, articles: 12, rounds: 2, edit: true));
        Assert.Contains("Build b", failure.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 3", failure.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<FileNotFoundException>(() => new BuildAlternation(work, copies, TextWriter.Null).Run(first, Path.Combine(root, "nothing-published"), articles: 12, rounds: 2, edit: true));
        Assert.Contains("pass the folder a publish wrote", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_given_for_one_side_is_set_in_that_sides_builds_alone_and_named_in_the_report()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempFolder();
        var (_, log, first, _, work, copies) = Published(temp);
        var report = new StringWriter();

        // One published folder on both sides, the variable set for b's builds only.
        new BuildAlternation(work, copies, report).Run(first, first, articles: 12, rounds: 2, edit: true, secondEnvironment: EnvironmentOverrides.Parse(["STATICNEWS_AB_PROBE=on"]));

        var runs = File.ReadAllLines(log);
        // Each side builds twice before the two timed rounds: eight builds, four of them b's.
        Assert.Equal(8, runs.Length);
        Assert.All(runs, run => Assert.EndsWith(run.Contains(Path.Combine(copies, "b"), StringComparison.Ordinal) ? " probe=on" : " probe=", run, StringComparison.Ordinal));
        Assert.Equal(4, runs.Count(run => run.EndsWith(" probe=on", StringComparison.Ordinal)));
        var text = report.ToString();
        Assert.Contains("ms   " + first + "\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("ms   " + first + " with STATICNEWS_AB_PROBE=on", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_are_name_equals_value_the_last_of_a_name_wins_and_they_replace_the_benchmarks_own()
    {
        var overrides = EnvironmentOverrides.Parse(["DOTNET_gcServer=1", "B=x=y", "DOTNET_gcServer=0", "EMPTY="]);

        Assert.Equal("B=x=y DOTNET_gcServer=0 EMPTY=", overrides.ToString());
        Assert.False(overrides.IsEmpty);
        Assert.True(EnvironmentOverrides.Parse([]).IsEmpty);
        Assert.Equal(string.Empty, EnvironmentOverrides.None.ToString());
        Assert.Equal(
            ["HOME=/root", "B=x=y", "DOTNET_gcServer=0", "EMPTY="],
            overrides.Over(new System.Collections.Hashtable { ["HOME"] = "/root", ["DOTNET_gcServer"] = "1" }));
        Assert.Equal(["HOME=/root"], EnvironmentOverrides.None.Over(new System.Collections.Hashtable { ["HOME"] = "/root" }));
        Assert.Contains("'gcServer' is not NAME=VALUE", Assert.Throws<FormatException>(() => EnvironmentOverrides.Parse(["gcServer"])).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => EnvironmentOverrides.Parse(["=0"]));
    }

    /// <summary>Two stand-in published folders a and b in <paramref name="temp"/>'s folder, logging to one file, with a work and a copies folder beside them.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static (string Root, string Log, string First, string Second, string Work, string Copies) Published(TempFolder temp)
    {
        var root = Path.GetDirectoryName(temp.Path)!;
        var log = Path.Combine(root, "runs.log");
        return (root, log, StandIn(Path.Combine(root, "published-a"), log, "a", exitCode: 0), StandIn(Path.Combine(root, "published-b"), log, "b", exitCode: 0),
            Path.Combine(root, "work"), Path.Combine(root, "copies"));
    }

    /// <summary>
    /// A published folder whose executable is a script that logs its name, its arguments and the variable
    /// <c>STATICNEWS_AB_PROBE</c>, and exits with <paramref name="exitCode"/>.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static string StandIn(string folder, string log, string name, int exitCode)
    {
        Directory.CreateDirectory(folder);
        var executable = Path.Combine(folder, BuildAlternation.ExecutableName);
        File.WriteAllText(executable, $"#!/bin/sh\necho \"{name} $0 $* probe=$STATICNEWS_AB_PROBE\" >> '{log}'\nexit {exitCode}\n");
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
