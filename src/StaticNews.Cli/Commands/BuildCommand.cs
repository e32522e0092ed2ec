using System.CommandLine;
using System.Globalization;
using StaticNews.Model;

namespace StaticNews.Cli.Commands;

/// <summary><c>staticnews build [SOURCE] [-o DIR]</c>: the whole site into the output folder, or nothing at all when there is an error.</summary>
internal static class BuildCommand
{
    public static Command Create(bool ownsProcess) => Configure(new Command("build", "Build the site into its output folder."), ownsProcess);

    /// <summary>
    /// Adds the build's arguments, options and action to a command (the root command builds too). When it
    /// <paramref name="ownsProcess"/>, an incremental build tunes the process for it before it starts (<see cref="BuildProcessTuning"/>).
    /// </summary>
    public static Command Configure(Command command, bool ownsProcess)
    {
        var common = new CommonOptions();
        var output = new Option<string?>("--output", "-o") { Description = "The output folder. Default: 'public' inside the site folder." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only diagnostics." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the time of each stage and the garbage collector's work." };
        var force = new Option<bool>("--force") { Description = "Render every page again, ignoring the build cache beside the output folder." };
        common.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.Options.Add(verbose);
        command.Options.Add(force);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var options = common.ToBuildOptions(result, result.GetValue(output)) with { Incremental = !result.GetValue(force), BeforeFileWrite = TestHooks.WriteDelay(), BeforeFileApply = TestHooks.ApplyDelay() };
            options = options with { OnWaitingForOtherBuild = () => stderr.WriteLine($"Waiting for another build of {Relative(options.ResolvedOutputPath)} to finish…") };
            var tuning = ownsProcess && options.Incremental ? new BuildProcessTuning(options.ResolvedOutputPath) : null;
            if (tuning is not null)
            {
                tuning.Start();
                options = options with { OnLargeRebuild = tuning.End };
            }

            var build = ownsProcess ? SiteGenerator.Build(options, cancellationToken) : await SiteGenerator.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            DiagnosticPrinter.Print(result.GetValue(common.Format) == DiagnosticFormat.Msbuild ? stderr : stdout, build.Diagnostics, result.GetValue(common.Format), options.ResolvedSourcePath);
            if (!build.Succeeded)
            {
                stderr.WriteLine($"Build failed: {Count(build.ErrorCount, "error")}, {Count(build.WarningCount, "warning")}. Nothing was written; {Relative(build.OutputPath)} is unchanged.");
                return ExitCodes.BuildFailed;
            }

            if (!result.GetValue(quiet))
            {
                WriteSummary(stdout, build, result.GetValue(verbose), tuning);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteSummary(TextWriter writer, BuildResult build, bool verbose, BuildProcessTuning? tuning)
    {
        if (build.UpToDate)
        {
            writer.WriteLine($"Up to date: nothing changed since the last build of {Relative(build.OutputPath)}; nothing was written.");
            if (verbose)
            {
                WriteMemory(writer, tuning);
            }

            return;
        }

        var kinds = string.Join(", ", build.PagesByKind.Select(p => $"{p.Value} {Name(p.Key)}"));
        var total = build.StageTimes.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        writer.WriteLine($"Built {build.Model!.Pages.Count} pages ({kinds}).");
        var kept = build.FilesKept > 0 ? string.Create(CultureInfo.InvariantCulture, $", kept {build.FilesKept} unchanged") : string.Empty;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {build.FilesWritten} files ({build.BytesWritten / 1024.0:F0} KiB){kept} to {Relative(build.OutputPath)} in {total.TotalSeconds:F2} s{(build.WarningCount > 0 ? $" with {Count(build.WarningCount, "warning")}" : string.Empty)}."));
        if (verbose)
        {
            foreach (var (stage, time) in build.StageTimes)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-9} {time.TotalMilliseconds,8:F0} ms"));
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Pages: {build.PagesRendered} rendered, the others unchanged since the last build{(build.FingerprintsKept > 0 ? $"; {build.FingerprintsKept} fingerprints kept from it (only bodies changed)" : string.Empty)}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Articles: {build.ArticlesUnread} not read (unchanged since the last build); {build.FrontMattersParsed} front matters parsed, {build.FrontMattersReused} taken from the cache; {build.BodiesRendered} bodies rendered from Markdown, {build.BodiesReused} taken from the cache; related lists {(build.RelatedReused ? "taken from the cache" : "computed")}; search index {(build.SearchUpdatedInPlace ? "updated in place" : "written whole")}; calendar texts {(build.CalendarReused ? "taken from the cache" : "read from the culture")}"));
            WriteMemory(writer, tuning);
        }
    }

    private static void WriteMemory(TextWriter writer, BuildProcessTuning? tuning)
    {
        var collectorBudget = tuning?.CollectorBudget ?? 0;
        var hugePages = tuning?.HugePages ?? HugePageAdvice.None;
        var held = collectorBudget <= 0 ? string.Empty
            : tuning!.Ended ? "collector held off, then working again (most of the build had to be redone); "
            : string.Create(CultureInfo.InvariantCulture, $"collector held off for the first {collectorBudget / 1048576.0:F0} MiB; ");
        var huge = hugePages.Describe(hugePages.Advised ? HugePages.BytesInUse() : null) is { Length: > 0 } decision ? $"; {decision}" : string.Empty;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Memory: {held}{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes(precise: true) / 1048576.0:F1} MiB allocated{huge}"));
    }

    private static string Name(PageKind kind) => kind switch
    {
        PageKind.TagIndex => "tag index",
        PageKind.NotFound => "not-found",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    internal static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
