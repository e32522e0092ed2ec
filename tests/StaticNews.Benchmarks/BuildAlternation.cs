using System.Globalization;
using StaticNews.Output;

namespace StaticNews.Benchmarks;

/// <summary>
/// Times two published builds of the CLI against each other on one generated site, as the README's figures for a change
/// were taken: in each round one article's body is edited (or nothing changes), then both builds run, the first one first
/// in even rounds and second in odd ones, each after <c>sync</c> and into an output of its own; then the medians and the
/// mean of the rounds' differences (<see cref="PairedComparison"/>). Each build runs from a copy of its folder made just
/// before: how an executable sits in the page cache moved the same bytes' one-article edits by 3.5 to 5.5 ms on this
/// repository's CI host (a file just written is cached in large folios; one read back through page faults after its pages
/// were dropped comes back in small ones, slower to map at every start). The copies go to <paramref name="copiesRoot"/>, by
/// default in the system's temporary folder rather than beside the outputs: a tmpfs such as <c>/dev/shm</c>, where outputs
/// measure best, caches files in small pages, and executables copied there started slower. Figures are printed, never asserted.
/// </summary>
internal sealed class BuildAlternation(string workRoot, string copiesRoot, TextWriter output)
{
    /// <summary>The CLI's executable in a published folder.</summary>
    public static readonly string ExecutableName = OperatingSystem.IsWindows() ? "StaticNews.Cli.exe" : "StaticNews.Cli";

    private static readonly string[] Names = ["a", "b"];

    /// <summary>
    /// Compares the CLIs published to <paramref name="firstFolder"/> and <paramref name="secondFolder"/> over
    /// <paramref name="rounds"/> rounds on a generated site of <paramref name="articles"/> articles, each round editing the
    /// newest article's body when <paramref name="edit"/> (else building an unchanged site), with the machine left idle for
    /// <paramref name="idle"/> before each timed build: the way a writer's edits come, and the host's slow state they meet
    /// (memory it took back after the previous build faulted in again), which a change to what a build touches is for.
    /// <paramref name="firstEnvironment"/> and <paramref name="secondEnvironment"/> are set in the environment of each side's
    /// builds (the same published folder may then be both sides).
    /// </summary>
    public void Run(string firstFolder, string secondFolder, int articles, int rounds, bool edit, TimeSpan idle = default, EnvironmentOverrides? firstEnvironment = null, EnvironmentOverrides? secondEnvironment = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The builds are timed with Linux's posix_spawn and wait4.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 2);
        Directory.CreateDirectory(workRoot);
        Directory.CreateDirectory(copiesRoot);
        var executables = new[] { FreshCopy(firstFolder, Names[0]), FreshCopy(secondFolder, Names[1]) };
        var environments = new[] { firstEnvironment ?? EnvironmentOverrides.None, secondEnvironment ?? EnvironmentOverrides.None };
        var site = Path.Combine(workRoot, "site");
        Folders.DeleteIfPresent(site);
        var corpus = CorpusGenerator.Generate(articles);
        StaticNewsLayout.Write(corpus, site);
        var outputs = Names.Select(name => Path.Combine(workRoot, "out-" + name)).ToArray();
        foreach (var output in outputs.Select(path => new OutputFolder(path)))
        {
            // The output and what the CLI keeps beside it: its caches, and a staging or old folder an interrupted build left.
            foreach (var folder in new[] { output.Path, output.CachePath, output.StagingPath, output.OldPath })
            {
                Folders.DeleteIfPresent(folder);
            }
        }

        RunMeasurement Build(int which)
        {
            var measurement = TimedProcess.Run(executables[which], ["build", site, "-o", outputs[which], "--quiet"], workRoot, environments[which]);
            return measurement.ExitCode == 0 ? measurement
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Build {Names[which]} ({executables[which]}) failed with exit code {measurement.ExitCode}."));
        }

        // Each builds the site cold, then once unchanged, before any build is timed: the timed ones find their caches.
        for (var which = 0; which < executables.Length; which++)
        {
            Build(which);
            Build(which);
        }

        var edited = StaticNewsLayout.ArticlePath(site, corpus.Articles[^1]);
        var times = new[] { new List<RunMeasurement>(rounds), new List<RunMeasurement>(rounds) };
        for (var round = 0; round < rounds; round++)
        {
            if (edit)
            {
                StaticNewsLayout.AppendParagraph(edited, StaticNewsLayout.EditSentence(round + 1));
            }

            int[] order = round % 2 == 0 ? [0, 1] : [1, 0];
            foreach (var which in order)
            {
                if (idle > TimeSpan.Zero)
                {
                    Thread.Sleep(idle);
                }

                times[which].Add(Build(which));
            }
        }

        Report([Described(firstFolder, environments[0]), Described(secondFolder, environments[1])], articles, rounds, edit, idle, times);
    }

    /// <summary>A side as the report names it: its folder, and the variables set for its builds.</summary>
    private static string Described(string folder, EnvironmentOverrides environment) =>
        environment.IsEmpty ? folder : $"{folder} with {environment}";

    private void Report(string[] sides, int articles, int rounds, bool edit, TimeSpan idle, List<RunMeasurement>[] times)
    {
        var wall = PairedComparison.Of([.. times[0].Select(m => m.WallSeconds)], [.. times[1].Select(m => m.WallSeconds)]);
        var cpu = PairedComparison.Of([.. times[0].Select(m => m.CpuSeconds)], [.. times[1].Select(m => m.CpuSeconds)]);
        var kind = edit ? "one-body edits" : "unchanged builds";
        var idling = idle > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $", {idle.TotalSeconds:0.#} s idle before each") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"StaticNews A/B: {rounds} rounds of {kind} at {articles:N0} articles, a and b in turn (a first in even rounds), each build after sync{idling}, outputs in {workRoot}, each executable copied just before to {copiesRoot}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a   wall median {wall.FirstMedian * 1000,8:F1} ms   cpu median {cpu.FirstMedian * 1000,8:F1} ms   {sides[0]}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"b   wall median {wall.SecondMedian * 1000,8:F1} ms   cpu median {cpu.SecondMedian * 1000,8:F1} ms   {sides[1]}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"b - a: wall {Signed(wall.MeanDifference * 1000)} +- {wall.TwoStandardErrors * 1000:F1} ms, cpu {Signed(cpu.MeanDifference * 1000)} +- {cpu.TwoStandardErrors * 1000:F1} ms (mean of {wall.Pairs} rounds' differences +- two standard errors); b faster in {wall.SecondFaster} of {wall.Pairs} rounds"));
    }

    /// <summary>
    /// Milliseconds to a tenth with their sign, zero as +0.0: formatted with a sign in each section alone, a small negative
    /// difference that rounds to zero came out as "-+0.0".
    /// </summary>
    internal static string Signed(double milliseconds) =>
        Math.Round(milliseconds, 1).ToString("+0.0;-0.0;+0.0", CultureInfo.InvariantCulture);

    /// <summary>A copy of the published folder <paramref name="folder"/> made now, under the copies folder; its executable.</summary>
    private string FreshCopy(string folder, string name)
    {
        var source = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(source, ExecutableName)))
        {
            throw new FileNotFoundException($"No {ExecutableName} in '{source}': pass the folder a publish wrote (dotnet publish src/StaticNews.Cli -p:PublishProfile=Fast -r <rid> -o <folder>).");
        }

        var copy = Path.Combine(copiesRoot, name);
        Folders.DeleteIfPresent(copy);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Path.Combine(copy, ExecutableName);
    }
}
