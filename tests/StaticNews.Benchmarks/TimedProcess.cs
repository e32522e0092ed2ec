using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticNews.Benchmarks;

/// <summary>
/// Runs a command under GNU time (/usr/bin/time -v), reads CPU time and peak memory from its report and times the wall clock
/// itself: GNU time reports it in hundredths of a second, and a one-article edit at 1,000 articles takes 60 to 70 ms, so
/// its figure moved by a seventh with rounding alone (0.07, 0.08 or 0.09 s against a cold build of 0.79 s: 8.9, 10.1 or
/// 11.4 %). The clock runs from starting GNU time to its exit, so it counts GNU time's own start and exit too, the same for
/// every tool: about 2 ms more than the command alone on the machine this was written on, 5 to 10 ms on one where every
/// page-table change traps to the host (PVM). <see cref="HarnessSeconds"/> measures it, and the benchmark prints it.
/// </summary>
internal static partial class TimedProcess
{
    public const string TimePath = "/usr/bin/time";

    /// <summary>
    /// Runs the command under /usr/bin/time. Dirty pages are written to disk first (<c>sync</c>), so no run pays for the
    /// previous one's output being flushed in the background: a cold build leaves half a gigabyte to write back, which slowed
    /// the incremental builds measured right after it by a fifth.
    /// </summary>
    public static RunMeasurement Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        FlushDirtyPages();
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(TimePath) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + TimePath);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var report = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wallSeconds = clock.Elapsed.TotalSeconds;
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(report);
        }

        return new RunMeasurement(
            wallSeconds,
            double.Parse(Match(UserPattern(), report), CultureInfo.InvariantCulture) + double.Parse(Match(SystemPattern(), report), CultureInfo.InvariantCulture),
            long.Parse(Match(RssPattern(), report), CultureInfo.InvariantCulture),
            process.ExitCode);
    }

    /// <summary>How many runs of <c>/bin/true</c> <see cref="HarnessSeconds"/> takes the median of.</summary>
    public const int HarnessRuns = 11;

    /// <summary>The median wall time of <c>/bin/true</c> run as <see cref="Run"/> runs a build: what timing adds to every figure.</summary>
    public static double HarnessSeconds(string workingDirectory)
    {
        var seconds = new double[HarnessRuns];
        for (var i = 0; i < seconds.Length; i++)
        {
            seconds[i] = Run("/bin/true", [], workingDirectory).WallSeconds;
        }

        Array.Sort(seconds);
        return seconds[HarnessRuns / 2];
    }

    /// <summary>Writes dirty pages to disk (<c>sync</c>), on Linux.</summary>
    public static void FlushDirtyPages()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    private static string Match(Regex pattern, string report)
    {
        var match = pattern.Match(report);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Unexpected /usr/bin/time report:\n" + report);
    }

    [GeneratedRegex(@"User time \(seconds\): ([0-9.]+)")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"System time \(seconds\): ([0-9.]+)")]
    private static partial Regex SystemPattern();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): ([0-9]+)")]
    private static partial Regex RssPattern();
}
