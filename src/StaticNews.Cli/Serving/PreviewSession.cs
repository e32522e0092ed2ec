using System.Diagnostics;
using System.Globalization;
using StaticNews.Diagnostics;

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
        var (files, diagnostics) = await BuildAsync(watcher, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var previous = state.Current;
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var snapshot = errors.Count == 0
            ? new SiteSnapshot(previous.Version + 1, files, [])
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
