using System.Collections.Concurrent;
using StaticNews.Diagnostics;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>
/// Stage 5 as files arrive: each one goes into the staging folder beside the output the moment it is rendered (or is
/// hard-linked from the previous output when its bytes did not change); <see cref="Commit"/> then swaps staging in. Until
/// then the previous output is untouched, and <see cref="Abandon"/> (errors, exceptions, cancellation) removes staging.
/// </summary>
internal sealed class StagingWriter(
    string sourceRoot,
    OutputFolder output,
    DiagnosticBag diagnostics,
    PreviousOutput? previous,
    Func<string, CancellationToken, ValueTask>? beforeFileWrite,
    CancellationToken cancellationToken) : IOutputSink
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private long _bytes;
    private int _written;
    private bool _opened;

    public bool Open(IReadOnlyCollection<string> paths)
    {
        OutputWriter.RecoverInterruptedSwap(output);
        if (OutputGuard.Check(sourceRoot, output) is { } problem)
        {
            diagnostics.Report(DiagnosticCodes.OutputUnsafe, SourceLocation.File(output.Path), output.Path, problem);
            return false;
        }

        var staging = output.StagingPath;
        var stagingRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(staging)) + Path.DirectorySeparatorChar;
        OutputPaths.Report(paths, diagnostics);
        foreach (var path in paths)
        {
            // Checked again where the path actually lands once combined, whatever the rules above missed.
            if (OutputPaths.IsSafe(path) && !Path.GetFullPath(Path.Combine(staging, path)).StartsWith(stagingRoot, StringComparison.Ordinal))
            {
                diagnostics.Report(DiagnosticCodes.OutputPathUnsafe, SourceLocation.File(path), path);
            }
        }

        if (diagnostics.HasErrors)
        {
            return false;
        }

        OutputWriter.DeleteOwnedFolder(staging);
        _opened = true;
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, OutputFolder.MarkerFileName), OutputFolder.MarkerContent(paths));
        return true;
    }

    public void Add(OutputFile file)
    {
        if (beforeFileWrite is not null)
        {
            beforeFileWrite(file.Path, cancellationToken).AsTask().GetAwaiter().GetResult();
        }

        var target = Path.Combine(output.StagingPath, file.Path);
        var folder = Path.GetDirectoryName(target)!;
        // The value is added only once its folder exists, so no thread writes into a folder another is still creating.
        _folders.GetOrAdd(folder, static path => Directory.CreateDirectory(path).Exists);

        var (hash, written) = FilePlacer.Place(file, target, previous);
        _hashes[file.Path] = hash;
        if (written)
        {
            Interlocked.Increment(ref _written);
            Interlocked.Add(ref _bytes, file.Content.Length);
        }
    }

    /// <summary>Swaps the staging folder in as the output. <paramref name="beforeSwap"/> runs just before (the build cache is dropped there).</summary>
    public WriteResult Commit(Action? beforeSwap)
    {
        cancellationToken.ThrowIfCancellationRequested();
        beforeSwap?.Invoke();
        OutputWriter.Swap(output);
        _opened = false;
        return new WriteResult(_written, _bytes) { FilesKept = _hashes.Count - _written, FileHashes = new Dictionary<string, string>(_hashes, StringComparer.Ordinal) };
    }

    /// <summary>Removes what this writer put in staging; the previous output stays as it was.</summary>
    public void Abandon()
    {
        if (_opened)
        {
            OutputWriter.DeleteOwnedFolder(output.StagingPath);
            _opened = false;
        }
    }
}
