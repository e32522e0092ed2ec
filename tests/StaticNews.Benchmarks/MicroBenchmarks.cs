using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StaticNews.Benchmarks;

/// <summary>
/// The <c>micro</c> command: with no arguments every hot-path benchmark of <see cref="HotPathBenchmarks"/>, with arguments
/// whatever BenchmarkDotNet's switcher makes of them (<c>--filter *Markdown*</c>, <c>--list flat</c>, <c>--job short</c>).
/// </summary>
internal static class MicroBenchmarks
{
    /// <summary>The hot-path benchmarks, as BenchmarkDotNet names them for its filter, in the order written.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(HotPathBenchmarks).GetMethods()
        .Where(method => method.IsDefined(typeof(BenchmarkAttribute), inherit: false))
        .OrderBy(method => method.MetadataToken)
        .Select(method => $"{typeof(HotPathBenchmarks).FullName}.{method.Name}")
        .ToList();

    /// <summary>What a run with <paramref name="arguments"/> would do, in one line.</summary>
    public static string Plan(IReadOnlyList<string> arguments) => arguments.Count == 0
        ? $"micro would run every hot-path benchmark: {string.Join(", ", Names)} ({PlanOnly.Variable}=1: nothing run)."
        : $"micro would hand BenchmarkDotNet: {string.Join(' ', arguments)} ({PlanOnly.Variable}=1: nothing run).";

    /// <summary>
    /// Runs the benchmarks and returns the exit code: 1 when one failed, or when the benchmarks asked for (all of them, or
    /// a <c>--filter</c>) came to none, which BenchmarkDotNet itself reports with exit code 0.
    /// </summary>
    public static int Run(string[] arguments, TextWriter error)
    {
        IReadOnlyList<Summary> summaries = arguments.Length == 0
            ? [BenchmarkRunner.Run<HotPathBenchmarks>()]
            : BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(arguments).ToList();
        var reports = summaries.SelectMany(summary => summary.Reports).ToList();
        if (reports.Count == 0 && (arguments.Length == 0 || arguments.Contains("--filter")))
        {
            error.WriteLine($"micro: no benchmark ran ({(arguments.Length == 0 ? "no arguments" : string.Join(' ', arguments))}). The hot-path benchmarks are {string.Join(", ", Names)}; a filter is matched against those names, and must reach the benchmark as written: quote it, and in PowerShell do not pass '*' through @args, which expands it into file names.");
            return 1;
        }

        return summaries.Any(summary => summary.HasCriticalValidationErrors) || reports.Any(report => !report.Success) ? 1 : 0;
    }
}
