using System.Globalization;
using StaticNews.Output;

namespace StaticNews.Benchmarks;

/// <summary>
/// Builds generated sites of each size with StaticNews (release build, cold, several runs) and, where installed, with Hugo,
/// side by side in one run (the cold builds of the two tools taking turns), and prints medians and StaticNews/Hugo ratios.
/// Figures are printed, never asserted. The CLI is published to <paramref name="cliRoot"/>, apart from the outputs: by default
/// in the system's temporary folder, as users run the tool from a disk. With the work folder on a tmpfs such as
/// <c>/dev/shm</c> (where outputs measure best), an executable published beside them is cached in small pages and starts
/// slower at every build: a 1,000-article edit took 9.8 +- 2.3 ms longer from <c>/dev/shm</c> than the same bytes from ext4
/// here (40 alternating rounds), a seventh of the edit.
/// </summary>
internal sealed class BuildComparison(string workRoot, string cliRoot, int runs, TextWriter output)
{
    private const string HugoPath = "/usr/bin/hugo";

    /// <summary>How a build is run and measured: <see cref="TimedProcess.Run"/> or <see cref="TimedProcess.RunForPeak"/>.</summary>
    private delegate RunMeasurement Timing(string fileName, IEnumerable<string> arguments, string workingDirectory);

    /// <summary>
    /// The fewest no-change and one-edit builds measured per size, whatever the number of cold runs. Eleven, not five: within
    /// one run five edits at 1,000 articles spread from 51 to 79 ms, and the middle of five put three runs of one engine at
    /// 7.4, 9.2 and 10.3 % of the cold build, either side of the target. The builds cost a second or two, the idle ones 3 s more each.
    /// </summary>
    private const int IncrementalRuns = 11;

    /// <summary>
    /// How long the machine idles before each edit measured as a writer makes it, seconds after the last build rather than
    /// straight after it. Builds straight after each other once hid a cost: on a virtual machine that hands free memory back
    /// to its host, huge pages made an edit after idling take 1.8 times as long, and looked like a gain back to back.
    /// </summary>
    private static readonly TimeSpan IdleBeforeEdit = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a size's cold builds may take before the benchmark stops adding turns beyond the runs asked for, and how many
    /// turns it takes at most. The cold build's median is the other half of the no-change and edit targets' ratios: at 1,000
    /// articles three turns, about 8 s, moved it by a sixth between runs (0.61 to 0.72 s) and a single turn's ratio to Hugo's
    /// from 0.27 to 0.37. At 10,000 articles three turns already take over a minute, for targets met there with room in every run.
    /// </summary>
    private static readonly TimeSpan ColdBudget = TimeSpan.FromSeconds(30);

    private const int MostColdRuns = 9;

    private readonly DeletionCooldown _cooldown = new(workRoot, output);

    public void Run(IReadOnlyList<int> sizes)
    {
        // What a run that stopped early left is deleted first, so publishing counts towards the wait for the file system.
        // The work folder is every timed process's working folder: it must exist before the first (the CLI is published apart).
        Directory.CreateDirectory(workRoot);
        DeleteDiscarded();
        var cli = PublishFast();

        if (!TimedProcess.IsSupported)
        {
            throw new PlatformNotSupportedException("The benchmark times builds with Linux's posix_spawn and wait4, and their peak memory with GNU time at /usr/bin/time (Debian package 'time').");
        }

        var hugo = File.Exists(HugoPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"StaticNews build benchmark: {Environment.ProcessorCount} cores, at least {runs} cold runs per tool and size (more, up to {MostColdRuns}, while a size's cold builds take under {ColdBudget.TotalSeconds:F0} s), medians. Hugo: {(hugo ? HugoVersion() : "not installed (apt-get install hugo)")}"));
        _cooldown.WaitOut();
        if (MemoryHeadroom.Describe() is { } memory)
        {
            output.WriteLine(memory);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Timing itself: starting and reaping /bin/true takes {TimedProcess.HarnessSeconds(workRoot) * 1000:F1} ms here (median of {TimedProcess.HarnessRuns}); every wall time below counts that much and more for starting and ending the process. Peak memory is that of one more run of each kind, under {TimedProcess.TimePath} -v."));

        var figures = new List<SizeFigures>(sizes.Count);

        foreach (var size in sizes)
        {
            var folder = Path.Combine(workRoot, size.ToString(CultureInfo.InvariantCulture));
            var sitePath = Path.Combine(folder, "staticnews");
            var hugoPath = Path.Combine(folder, "hugo");
            Discard(folder);
            var corpus = CorpusGenerator.Generate(size);
            StaticNewsLayout.Write(corpus, sitePath);
            HugoLayout.Write(corpus, hugoPath);

            var ours = Path.Combine(folder, "out-staticnews");
            var theirs = Path.Combine(folder, "out-hugo");
            Func<RunMeasurement> OursCold(Timing timing) => Cold(() => CleanStaticNews(ours), () => timing(cli, ["build", sitePath, "-o", ours, "--quiet"], folder));
            Func<RunMeasurement> HugoCold(Timing timing) => Cold(() => CleanHugo(hugoPath, theirs), () => timing(HugoPath, ["--source", hugoPath, "--destination", theirs, "--quiet"], folder));
            Func<RunMeasurement>[] ColdRuns(Timing timing) => hugo ? [OursCold(timing), HugoCold(timing)] : [OursCold(timing)];
            var cold = Alternate(ColdRuns((file, arguments, directory) => TimedProcess.Run(file, arguments, directory)), runs, ColdBudget);
            // One more cold build of each, for its peak memory, also taking turns.
            var coldPeaks = Alternate(ColdRuns(TimedProcess.RunForPeak), 1);
            var oursCold = cold[0];
            var oursStats = FolderStats.Of(ours);
            // At least eleven no-change and one-edit builds, for medians: these short builds are the noisiest figures (a tenth of
            // a second at 1,000 articles, where the machine's noise moves single runs by a fifth), and they cost little.
            var incrementalRuns = Math.Max(runs, IncrementalRuns);
            // Each run after what `before` does (given the run's number): an edit, an edit and a pause, or nothing; then one
            // more, for the peak memory.
            (List<(RunMeasurement Measurement, int FilesWritten)> Timed, RunMeasurement ForPeak) Incremental(Action<int> before)
            {
                var measured = new List<(RunMeasurement Measurement, int FilesWritten)>(incrementalRuns);
                for (var i = 0; i < incrementalRuns; i++)
                {
                    before(i);
                    measured.Add(MeasureWrites(ours, () => TimedProcess.Run(cli, ["build", sitePath, "-o", ours, "--quiet"], folder)));
                }

                before(incrementalRuns);
                return (measured, TimedProcess.RunForPeak(cli, ["build", sitePath, "-o", ours, "--quiet"], folder));
            }

            var edited = StaticNewsLayout.ArticlePath(sitePath, corpus.Articles[^1]);
            void Edit(string sentence) => StaticNewsLayout.AppendParagraph(edited, sentence);
            var noChanges = Incremental(_ => { });
            var oneEdits = Incremental(i => Edit(StaticNewsLayout.EditSentence(i + 1)));
            var idleEdits = Incremental(i =>
            {
                Edit(string.Create(CultureInfo.InvariantCulture, $"One more sentence (number {i + 1}), added after the machine idled."));
                Thread.Sleep(IdleBeforeEdit);
            });

            var noChange = noChanges.Timed.Select(n => n.Measurement).ToList();
            var oneEdit = oneEdits.Timed.Select(e => e.Measurement).ToList();
            var idleEdit = idleEdits.Timed.Select(e => e.Measurement).ToList();

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {size:N0} articles ({oursCold.Count} cold runs of each tool, {incrementalRuns} of each other kind)"));
            output.WriteLine("tool                      wall s    cpu s   peak MiB    pages    files   output MiB");
            Print("StaticNews cold", oursCold, coldPeaks[0][0], oursStats);
            Print("StaticNews no change", noChange, noChanges.ForPeak, null, $"   files written: {string.Join(" / ", noChanges.Timed.Select(n => n.FilesWritten))}; wall s: {Each(noChange)}");
            Print("StaticNews one edit", oneEdit, oneEdits.ForPeak, null, $"   files written: {string.Join(" / ", oneEdits.Timed.Select(e => e.FilesWritten))}; wall s: {Each(oneEdit)}");
            Print("one edit after idling", idleEdit, idleEdits.ForPeak, null, string.Create(CultureInfo.InvariantCulture, $"   {IdleBeforeEdit.TotalSeconds:F0} s idle before each; files written: {string.Join(" / ", idleEdits.Timed.Select(e => e.FilesWritten))}; wall s: {Each(idleEdit)}"));
            output.WriteLine(SearchIndexLine(ours));
            if (hugo)
            {
                var hugoCold = cold[1];
                Print("Hugo cold", hugoCold, coldPeaks[1][0], FolderStats.Of(theirs));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio StaticNews/Hugo     {Median(oursCold, m => m.WallSeconds) / Median(hugoCold, m => m.WallSeconds),6:F2}   {Median(oursCold, m => m.CpuSeconds) / Median(hugoCold, m => m.CpuSeconds),6:F2}   {(double)coldPeaks[0][0].PeakRssKiB!.Value / coldPeaks[1][0].PeakRssKiB!.Value,8:F2}   wall ratio of each pair: {PairRatios(oursCold, hugoCold)}"));
            }

            var measured = new SizeFigures(
                size,
                Median(oursCold, m => m.WallSeconds),
                coldPeaks[0][0].PeakRssKiB!.Value,
                Median(noChange, m => m.WallSeconds),
                noChanges.Timed.Max(n => n.FilesWritten),
                Median(oneEdit, m => m.WallSeconds),
                hugo ? Median(cold[1], m => m.WallSeconds) : null,
                hugo ? coldPeaks[1][0].PeakRssKiB!.Value : null);
            figures.Add(measured);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"no-change rebuild = {100 * measured.NoChangeWallSeconds / measured.ColdWallSeconds:F1} % of cold; one-article edit = {100 * measured.EditWallSeconds / measured.ColdWallSeconds:F1} % of cold, after idling {100 * Median(idleEdit, m => m.WallSeconds) / measured.ColdWallSeconds:F1} % (medians)"));
        }

        output.WriteLine();
        foreach (var line in PerformanceTargets.Describe(figures))
        {
            output.WriteLine(line);
        }

        DeleteDiscarded();
    }

    /// <summary>What a run with these options measures, in one line: the sizes, the cold runs, and the folders it uses.</summary>
    public static string Plan(IReadOnlyList<int> sizes, int runs, string workRoot, string cliRoot) =>
        string.Create(CultureInfo.InvariantCulture, $"compare would measure sites of {string.Join(" and ", sizes.Select(size => size.ToString("N0", CultureInfo.InvariantCulture)))} articles, at least {runs} cold runs of each tool per size, in {workRoot}, with the CLI published to {cliRoot} ({PlanOnly.Variable}=1: nothing built or measured).");

    /// <summary>
    /// Publishes the CLI as CI should run it for speed, with the Fast publish profile (<c>build.ps1 publish</c> does the same):
    /// release, self-contained, compiled natively for this machine (ReadyToRun where no C toolchain links it). Returns the executable.
    /// </summary>
    private string PublishFast()
    {
        var repository = Repository.Root();

        // Emptied first: a ReadyToRun build left there would leave its assemblies beside a native executable. Deleted, not moved
        // aside with the outputs: it may be on another file system, and its few files cost the next run's file creations nothing.
        var folder = cliRoot;
        Folders.DeleteIfPresent(folder);

        var publish = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "publish", Path.Combine(repository, "src", "StaticNews.Cli"), "-p:PublishProfile=Fast", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "-o", folder })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(publish)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish of the CLI failed:\n" + log);
        }

        var compilation = File.Exists(Path.Combine(folder, "StaticNews.Cli.dll")) ? "ReadyToRun composite"
            : log.Contains("StaticNews: ICU linked into the executable", StringComparison.Ordinal) ? "compiled natively, ICU linked in"
            : "compiled natively, ICU loaded from the system";
        output.WriteLine($"StaticNews: the Fast publish profile (release, self-contained, {compilation}), {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}, run from {folder}");
        return Path.Combine(folder, OperatingSystem.IsWindows() ? "StaticNews.Cli.exe" : "StaticNews.Cli");
    }

    /// <summary>Each run's wall time, in the order run.</summary>
    private static string Each(List<RunMeasurement> measurements) =>
        string.Join(" / ", measurements.Select(m => m.WallSeconds.ToString("F3", CultureInfo.InvariantCulture)));

    /// <summary>The search index against the HTML it searches (the issue's bound is 15 %).</summary>
    private static string SearchIndexLine(string folder)
    {
        var search = Path.Combine(folder, "search");
        var index = Directory.Exists(search) ? Directory.GetFiles(search, "*.json", SearchOption.AllDirectories) : [];
        var indexBytes = index.Sum(f => new FileInfo(f).Length);
        var htmlBytes = Directory.GetFiles(folder, "*.html", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"search index: {indexBytes / 1024.0:F0} KiB in {index.Length} files = {(htmlBytes == 0 ? 0 : 100.0 * indexBytes / htmlBytes):F1} % of the HTML ({htmlBytes / 1048576.0:F1} MiB)");
    }

    /// <summary>One cold build of one tool: the output (and the tool's caches) cleaned, then the timed build.</summary>
    private static Func<RunMeasurement> Cold(Action clean, Func<RunMeasurement> run) => () =>
    {
        clean();
        var measurement = run();
        return measurement.ExitCode == 0 ? measurement : throw new InvalidOperationException($"A build failed with exit code {measurement.ExitCode}.");
    };

    /// <summary>
    /// The cold builds of each tool, <paramref name="times"/> times, taking turns (ours, Hugo's, ours, ...): the machine is shared and its
    /// speed drifts within minutes, so tools measured one after the other would each meet another machine. Taking turns,
    /// each pair meets the same one, and a drift moves both figures of the ratio. With a <paramref name="budget"/>, more
    /// turns follow while all turns so far took less than it, up to <see cref="MostColdRuns"/>.
    /// </summary>
    private static List<RunMeasurement>[] Alternate(Func<RunMeasurement>[] tools, int times, TimeSpan budget = default)
    {
        var measurements = tools.Select(_ => new List<RunMeasurement>(times)).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < times || (i < MostColdRuns && clock.Elapsed < budget); i++)
        {
            for (var tool = 0; tool < tools.Length; tool++)
            {
                measurements[tool].Add(tools[tool]());
            }
        }

        return measurements;
    }

    /// <summary>The wall-time ratio of each pair of cold builds run in turn, in the order run.</summary>
    private static string PairRatios(List<RunMeasurement> ours, List<RunMeasurement> theirs) =>
        string.Join(" / ", ours.Zip(theirs, (a, b) => (a.WallSeconds / b.WallSeconds).ToString("F2", CultureInfo.InvariantCulture)));

    private static (RunMeasurement Measurement, int FilesWritten) MeasureWrites(string folder, Func<RunMeasurement> run)
    {
        var before = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length), StringComparer.Ordinal);
        var measurement = run();
        var written = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Count(f => !before.TryGetValue(f, out var old) || old != (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length));
        return (measurement, written);
    }

    /// <summary>One line of the table: medians of <paramref name="measurements"/>' times, and the peak memory of <paramref name="forPeak"/>.</summary>
    private void Print(string name, IReadOnlyList<RunMeasurement> measurements, RunMeasurement forPeak, FolderStats? stats, string suffix = "")
    {
        var pages = stats is null ? "        " : string.Create(CultureInfo.InvariantCulture, $"{stats.HtmlPages,8}");
        var files = stats is null ? "        " : string.Create(CultureInfo.InvariantCulture, $"{stats.Files,8}");
        var size = stats is null ? "            " : string.Create(CultureInfo.InvariantCulture, $"{stats.Bytes / 1048576.0,12:F1}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {Median(measurements, m => m.WallSeconds),9:F3} {Median(measurements, m => m.CpuSeconds),8:F2} {forPeak.PeakRssKiB!.Value / 1024.0,10:F0} {pages} {files} {size}{suffix}"));
    }

    private static double Median(IReadOnlyList<RunMeasurement> measurements, Func<RunMeasurement, double> select) =>
        PairedComparison.Median(measurements.Select(select));

    private void CleanStaticNews(string output)
    {
        var folder = new OutputFolder(output);
        foreach (var path in new[] { output, folder.StagingPath, folder.OldPath, folder.CachePath })
        {
            Discard(path);
        }
    }

    private void CleanHugo(string site, string output)
    {
        foreach (var path in new[] { output, Path.Combine(site, "resources") })
        {
            Discard(path);
        }
    }

    /// <summary>
    /// Moves a folder aside instead of deleting it: on ext4, creating files just after deleting tens of thousands costs several
    /// seconds of system time (the allocator skips recently freed inodes), which would land on whichever build runs next.
    /// The moved folders are deleted once, after every measurement, and the next run waits for that to be long enough ago
    /// (<see cref="DeletionCooldown"/>).
    /// </summary>
    private void Discard(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.CreateDirectory(DiscardedRoot);
            Directory.Move(path, Path.Combine(DiscardedRoot, (_discarded++).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private string DiscardedRoot => Path.Combine(workRoot, "discarded");

    /// <summary>
    /// Deletes the outputs moved aside. With the tool's own delete, which lists a folder before deleting in it: the runtime's,
    /// deleting while it reads the folder, failed here on Hugo's content folders ("could not find a part of the path").
    /// </summary>
    private void DeleteDiscarded()
    {
        if (Directory.Exists(DiscardedRoot))
        {
            FolderTree.Delete(DiscardedRoot);
            _cooldown.Record();
        }
    }

    private int _discarded;

    private static string HugoVersion()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(HugoPath, "version") { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text.Split(' ').Take(2).Aggregate((a, b) => a + " " + b);
    }
}
