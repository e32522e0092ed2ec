using System.Globalization;

namespace StaticNews.Benchmarks;

/// <summary>
/// The performance issue's targets, checked against one run's figures, so that whoever runs the benchmark reads whether
/// this run met them instead of working the ratios out: a cold build at 10,000 articles (and more) in at most a third of
/// Hugo's wall time and a quarter of its memory; at every size, an unchanged build in at most 5 % of the cold build's time
/// writing no file, and a one-body edit in at most 10 %. Each ratio is of medians taken in the same run. The 100,000-article
/// target (it completes, its memory growing no faster than the content) is checked by hand.
/// </summary>
internal static class PerformanceTargets
{
    /// <summary>The size from which the cold build is compared with Hugo's: the 10,000-article site.</summary>
    public const int ColdTargetArticles = 10_000;

    public const double ColdWallOfHugo = 1.0 / 3;

    public const double ColdMemoryOfHugo = 1.0 / 4;

    public const double NoChangeOfCold = 0.05;

    public const double EditOfCold = 0.10;

    /// <summary>A heading, a line per target and size, and how many of the targets measured were met.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<SizeFigures> sizes)
    {
        var lines = new List<string> { "Targets of the performance issue, from this run's medians:" };
        var (met, measured) = (0, 0);
        void Add(string line, bool? verdict)
        {
            if (verdict is { } isMet)
            {
                measured++;
                met += isMet ? 1 : 0;
                line += isMet ? ": met" : ": MISSED";
            }

            lines.Add("  " + line);
        }

        foreach (var size in sizes.OrderBy(s => s.Articles))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{size.Articles:N0} articles");
            if (size.Articles >= ColdTargetArticles)
            {
                if (size is { HugoColdWallSeconds: { } hugoWall, HugoColdPeakKiB: { } hugoPeak })
                {
                    var wall = size.ColdWallSeconds / hugoWall;
                    var memory = (double)size.ColdPeakKiB / hugoPeak;
                    Add(Text($"{name}, cold build: wall time {wall:F2} of Hugo's (at most a third)"), wall <= ColdWallOfHugo);
                    Add(Text($"{name}, cold build: peak memory {memory:F2} of Hugo's (at most a quarter)"), memory <= ColdMemoryOfHugo);
                }
                else
                {
                    Add($"{name}, cold build: not compared (Hugo is not installed)", null);
                }
            }

            var noChange = size.NoChangeWallSeconds / size.ColdWallSeconds;
            var written = size.MostFilesWrittenUnchanged == 0 ? "no file written" : Text($"up to {size.MostFilesWrittenUnchanged} files written (none allowed)");
            Add(Text($"{name}, no change: {100 * noChange:F1} % of the cold build (at most {100 * NoChangeOfCold:F0} %), {written}"), noChange <= NoChangeOfCold && size.MostFilesWrittenUnchanged == 0);

            var edit = size.EditWallSeconds / size.ColdWallSeconds;
            Add(Text($"{name}, one body edited: {100 * edit:F1} % of the cold build (at most {100 * EditOfCold:F0} %)"), edit <= EditOfCold);
        }

        lines.Add(measured == met
            ? Text($"  All {measured} targets measured were met.")
            : Text($"  {measured - met} of the {measured} targets measured were missed."));
        return lines;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
