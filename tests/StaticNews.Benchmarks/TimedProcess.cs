using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticNews.Benchmarks;

/// <summary>Runs a command under GNU time (/usr/bin/time -v) and reads wall time, CPU time and peak memory from its report.</summary>
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
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(report);
        }

        return new RunMeasurement(
            Wall(Match(WallPattern(), report)),
            double.Parse(Match(UserPattern(), report), CultureInfo.InvariantCulture) + double.Parse(Match(SystemPattern(), report), CultureInfo.InvariantCulture),
            long.Parse(Match(RssPattern(), report), CultureInfo.InvariantCulture),
            process.ExitCode);
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

    /// <summary>"h:mm:ss" or "m:ss.ss".</summary>
    private static double Wall(string text)
    {
        var parts = text.Split(':');
        var seconds = 0.0;
        foreach (var part in parts)
        {
            seconds = (seconds * 60) + double.Parse(part, CultureInfo.InvariantCulture);
        }

        return seconds;
    }

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)")]
    private static partial Regex WallPattern();

    [GeneratedRegex(@"User time \(seconds\): ([0-9.]+)")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"System time \(seconds\): ([0-9.]+)")]
    private static partial Regex SystemPattern();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): ([0-9]+)")]
    private static partial Regex RssPattern();
}
