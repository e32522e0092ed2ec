using System.Diagnostics;
using StaticNews.Building;
using StaticNews.Checking;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Output;
using StaticNews.Rendering;

namespace StaticNews;

/// <summary>Runs the five stages: discover, parse and build the model, render, write. Mistakes come back as diagnostics; only bugs and the environment throw.</summary>
public static class SiteGenerator
{
    /// <summary>Builds the site and, when there is no error, replaces the output folder with the result.</summary>
    public static Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: true, cancellationToken);

    /// <summary>
    /// Everything a build does except writing (templates render, so their errors surface too), plus what only a check
    /// verifies: internal links, anchors and images of every published article.
    /// </summary>
    public static Task<BuildResult> CheckAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: false, cancellationToken, checkLinks: true);

    /// <summary>Stages 1 to 4 into memory: the files a build would write, in <see cref="BuildResult.Files"/>. Used by the preview server.</summary>
    public static Task<BuildResult> RenderAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: false, cancellationToken);

    private static async Task<BuildResult> RunAsync(BuildOptions options, bool write, CancellationToken cancellationToken, bool checkLinks = false)
    {
        var diagnostics = new DiagnosticBag();
        var times = new Dictionary<BuildStage, TimeSpan>();
        var output = new OutputFolder(options.ResolvedOutputPath);
        var clock = Stopwatch.StartNew();

        var sources = await SiteDiscoverer.DiscoverAsync(options.ResolvedSourcePath, diagnostics, cancellationToken).ConfigureAwait(false);
        times[BuildStage.Discover] = Lap(clock);
        var model = sources.SiteConfig is null ? null : SiteBuilder.Build(sources, options, diagnostics, cancellationToken);
        times[BuildStage.Parse] = Lap(clock);

        IReadOnlyList<OutputFile> files = [];
        if (model is not null && !diagnostics.HasErrors)
        {
            files = SiteRenderer.Render(model, sources, diagnostics, cancellationToken);
            if (checkLinks)
            {
                LinkChecker.Check(model, sources, files, diagnostics, cancellationToken);
            }

            if (!write)
            {
                // A build reports these before writing; check reports them too, so 'check' passing means 'build' can write.
                OutputPaths.Report(files, diagnostics);
            }

            times[BuildStage.Render] = Lap(clock);
        }

        WriteResult? written = null;
        var failed = diagnostics.HasErrors || (options.Strict && diagnostics.ToSortedList().Count > 0);
        if (write && !failed && model is not null)
        {
            written = await OutputWriter.WriteAsync(options.ResolvedSourcePath, output, files, diagnostics, options.BeforeFileWrite, cancellationToken).ConfigureAwait(false);
            times[BuildStage.Write] = Lap(clock);
        }

        var all = diagnostics.ToSortedList();
        if (options.Strict)
        {
            all = [.. all.Select(d => d with { Severity = DiagnosticSeverity.Error })];
        }

        return new BuildResult
        {
            Diagnostics = all,
            Model = model,
            Files = files,
            FilesWritten = written?.FilesWritten ?? 0,
            BytesWritten = written?.BytesWritten ?? 0,
            OutputPath = output.Path,
            StageTimes = times,
        };
    }

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
