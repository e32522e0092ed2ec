using System.Diagnostics;
using StaticNews.Building;
using StaticNews.Checking;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;
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
        var cache = write && options.Incremental ? BuildCache.Load(output.CachePath) : null;
        var inputFingerprint = write ? InputFingerprint.Compute(sources, options) : null;
        times[BuildStage.Discover] = Lap(clock);
        if (cache is not null && IsUpToDate(cache, inputFingerprint!, output, options) && !diagnostics.HasErrors)
        {
            OutputWriter.RemoveLeftoverStaging(output);
            return new BuildResult
            {
                Diagnostics = [.. cache.Warnings.Select(w => w.ToDiagnostic())],
                OutputPath = output.Path,
                StageTimes = times,
                UpToDate = true,
            };
        }

        var model = sources.SiteConfig is null ? null : SiteBuilder.Build(sources, options, diagnostics, cancellationToken);
        times[BuildStage.Parse] = Lap(clock);

        IReadOnlyList<OutputFile> files = [];
        Dictionary<string, string>? pageFingerprints = null;
        string? siteFingerprint = null;
        if (model is not null && !diagnostics.HasErrors)
        {
            Func<Page, bool>? isUnchanged = null;
            if (write)
            {
                var fingerprints = new PageFingerprints(sources, options, model);
                siteFingerprint = fingerprints.Site;
                pageFingerprints = model.Pages.AsParallel().ToDictionary(p => p.OutputPath, fingerprints.Of, StringComparer.Ordinal);
                if (cache is not null && OutputFolder.HasMarker(output.Path))
                {
                    isUnchanged = page => cache.PageFingerprints.TryGetValue(page.OutputPath, out var old) && old == pageFingerprints[page.OutputPath] && cache.FileHashes.ContainsKey(page.OutputPath);
                }
            }

            files = SiteRenderer.Render(model, sources, diagnostics, isUnchanged, cancellationToken);
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
            // The cache describes the output it sits beside: it is dropped just before the swap and written again after.
            var previous = cache is null ? null : new PreviousOutput(output.Path, cache.FileHashes);
            written = await OutputWriter.WriteAsync(options.ResolvedSourcePath, output, files, diagnostics, previous, options.BeforeFileWrite, beforeSwap: () => BuildCache.Delete(output.CachePath), cancellationToken).ConfigureAwait(false);
            if (written is not null && options.Incremental)
            {
                new BuildCache
                {
                    EngineVersion = EngineIdentity.Version,
                    InputFingerprint = inputFingerprint!,
                    ValidUntil = model.ValidUntil,
                    SiteFingerprint = siteFingerprint!,
                    PageFingerprints = pageFingerprints!,
                    FileHashes = new Dictionary<string, string>(written.FileHashes, StringComparer.Ordinal),
                    Warnings = [.. diagnostics.ToSortedList().Select(CachedDiagnostic.From)],
                }.Save(output.CachePath);
            }

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
            FilesKept = written?.FilesKept ?? 0,
            BytesWritten = written?.BytesWritten ?? 0,
            OutputPath = output.Path,
            StageTimes = times,
        };
    }

    /// <summary>Nothing the build reads changed, no scheduled article fell due, and the output the cache describes is still there.</summary>
    private static bool IsUpToDate(BuildCache cache, string inputFingerprint, OutputFolder output, BuildOptions options) =>
        cache.InputFingerprint == inputFingerprint
        && (cache.ValidUntil is null || options.Clock.GetUtcNow() < cache.ValidUntil)
        && OutputFolder.HasMarker(output.Path);

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
