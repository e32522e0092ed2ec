using System.Diagnostics;
using System.Globalization;
using StaticNews.Diagnostics;
using StaticNews.Discovery;

namespace StaticNews.Cli.Serving;

/// <summary>
/// The rebuild loop of <c>staticnews serve</c>: builds in memory (stages 1–4, nothing written), publishes each result as a new
/// snapshot, and prints one line per rebuild. A failed build keeps the last good files and shows its errors over them.
/// </summary>
internal sealed class PreviewSession(BuildOptions options, PreviewState state, TextWriter output, TextWriter error)
{
    /// <summary>Diagnostics that mean "a file was caught mid-save" (unreadable, or empty so its front matter is missing): worth reading again before reporting.</summary>
    private static readonly HashSet<string> MidSaveCodes = new(StringComparer.Ordinal)
    {
        DiagnosticCodes.FileUnreadable.Code,
        DiagnosticCodes.FrontMatterMissing.Code,
        DiagnosticCodes.FrontMatterUnclosed.Code,
    };

    private const int MaxAttempts = 4;

    public async Task RunAsync(SourceWatcher watcher, CancellationToken cancellationToken)
    {
        await RebuildAsync([], watcher, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var changes = await watcher.WaitForChangesAsync(cancellationToken).ConfigureAwait(false);
            await RebuildAsync(changes, watcher, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RebuildAsync(IReadOnlyList<string> changes, SourceWatcher? watcher, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (await TryUpdateStaticFilesAsync(changes, cancellationToken).ConfigureAwait(false) is { } updated)
        {
            state.Publish(updated);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Now()} {Describe(changes)}: copied in {clock.Elapsed.TotalMilliseconds:F0} ms (no page rebuilt).")).ConfigureAwait(false);
            return;
        }

        var (files, diagnostics) = await BuildAsync(watcher, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var previous = state.Current;
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var snapshot = errors.Count == 0
            ? new SiteSnapshot(previous.Version + 1, files, []) { StaticFiles = StaticOutputPaths() }
            : previous with { Version = previous.Version + 1, Errors = errors };
        state.Publish(snapshot);

        var what = changes.Count == 0 ? "Built" : $"{Describe(changes)}: rebuilt";
        var time = string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F0} ms");
        if (errors.Count > 0)
        {
            DiagnosticPrinter.Print(error, diagnostics, DiagnosticFormat.Msbuild, options.ResolvedSourcePath);
            var kept = previous.Files.Count > 0 ? "the last good build is still served, with the errors over it" : "the browser shows the errors";
            await output.WriteLineAsync($"{Now()} {what} in {time}: {Commands.BuildCommand.Count(errors.Count, "error")}; {kept}.").ConfigureAwait(false);
            return;
        }

        var warnings = diagnostics.Count;
        if (changes.Count == 0 && warnings > 0)
        {
            DiagnosticPrinter.Print(error, diagnostics, DiagnosticFormat.Msbuild, options.ResolvedSourcePath);
        }

        var changed = ChangedFiles(previous.Files, files);
        var summary = changes.Count == 0
            ? $"{files.Count} files"
            : changed.Count switch
            {
                0 => "no page changed",
                1 => $"1 file changed ({changed[0]})",
                _ => $"{changed.Count} files changed",
            };
        var warned = warnings > 0 ? $", {Commands.BuildCommand.Count(warnings, "warning")}" : string.Empty;
        await output.WriteLineAsync($"{Now()} {what} in {time}: {summary}{warned}.").ConfigureAwait(false);
    }

    /// <summary>
    /// When only files under static/ changed, and the last build was good, nothing needs rendering: the changed files are
    /// read and swapped into a new snapshot. Null when a full rebuild is needed (a file a generated page also claims, a read
    /// that keeps failing, or any other kind of change).
    /// </summary>
    private async Task<SiteSnapshot?> TryUpdateStaticFilesAsync(IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        const string prefix = SiteLayout.StaticFolder + "/";
        var current = state.Current;
        if (changes.Count == 0 || current.HasErrors || current.Files.Count == 0 || !changes.All(c => c.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var files = new Dictionary<string, ReadOnlyMemory<byte>>(current.Files, StringComparer.Ordinal);
        var staticFiles = new HashSet<string>(current.StaticFiles, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var outputPath = change[prefix.Length..];
            var full = Path.Combine(options.ResolvedSourcePath, change);
            if (Directory.Exists(full) || (files.ContainsKey(outputPath) && !staticFiles.Contains(outputPath)))
            {
                return null;
            }

            if (!File.Exists(full))
            {
                files.Remove(outputPath);
                staticFiles.Remove(outputPath);
                continue;
            }

            if (await ReadSettledAsync(full, cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                return null;
            }

            files[outputPath] = bytes;
            staticFiles.Add(outputPath);
        }

        return current with { Version = current.Version + 1, Files = files, StaticFiles = staticFiles };
    }

    private static async Task<byte[]?> ReadSettledAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100 * attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>A full in-memory build; builds again when the sources changed during the build or a file was caught half-saved.</summary>
    private async Task<(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files, IReadOnlyList<Diagnostic> Diagnostics)> BuildAsync(SourceWatcher? watcher, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            BuildResult result;
            try
            {
                result = await SiteGenerator.RenderAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A static file vanished or was locked between listing and reading (an editor saving it).
                if (attempt < MaxAttempts)
                {
                    await Task.Delay(100 * attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return (new Dictionary<string, ReadOnlyMemory<byte>>(), [DiagnosticCodes.FileUnreadable.Create(DiagnosticSeverity.Error, SourceLocation.File("."), e.Message)]);
            }

            var settling = !result.Succeeded && attempt < MaxAttempts
                && (watcher?.HasPendingChanges == true || result.Diagnostics.Any(d => d.IsError && MidSaveCodes.Contains(d.Code)));
            if (settling)
            {
                await Task.Delay(100 * attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var files = new Dictionary<string, ReadOnlyMemory<byte>>(result.Files.Count, StringComparer.Ordinal);
            foreach (var file in result.Files)
            {
                files[file.Path] = file.Content;
            }

            return (files, result.Diagnostics);
        }
    }

    /// <summary>The output paths of the files under static/ (what a static-only change may replace without a rebuild).</summary>
    private HashSet<string> StaticOutputPaths()
    {
        var folder = Path.Combine(options.ResolvedSourcePath, SiteLayout.StaticFolder);
        return Directory.Exists(folder)
            ? new HashSet<string>(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')), StringComparer.Ordinal)
            : [];
    }

    private static List<string> ChangedFiles(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after)
    {
        var changed = new List<string>();
        foreach (var (path, content) in after)
        {
            if (!before.TryGetValue(path, out var old) || !old.Span.SequenceEqual(content.Span))
            {
                changed.Add(path);
            }
        }

        changed.AddRange(before.Keys.Where(path => !after.ContainsKey(path)));
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    private static string Describe(IReadOnlyList<string> changes) =>
        changes.Count <= 3 ? string.Join(", ", changes) + " changed" : $"{changes[0]} and {changes.Count - 1} more files changed";

    private static string Now() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
