using System.Collections.Concurrent;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>
/// Stage 5 as files arrive: each one goes into the staging folder beside the output the moment it is rendered. Without a
/// previous output, staging receives every file and <see cref="Commit"/> swaps it in whole. With one (an incremental build),
/// staging receives only the files whose bytes changed and <see cref="Commit"/> applies them to the output in place
/// (<see cref="OutputPatch"/>), leaving unchanged files untouched. Until the commit the previous output is untouched, and
/// <see cref="Abandon"/> (errors, exceptions, cancellation) removes staging.
/// </summary>
internal sealed class StagingWriter(
    OutputFolder output,
    OutputCheck check,
    DiagnosticBag diagnostics,
    PreviousOutput? previous,
    Func<string, CancellationToken, ValueTask>? beforeFileWrite,
    Action<string>? beforeFileApply,
    CancellationToken cancellationToken) : IOutputSink
{
    private readonly ConcurrentBag<string> _changed = [];
    private ConcurrentDictionary<string, ContentHash> _hashed = new(StringComparer.Ordinal);
    private IReadOnlySet<string> _paths = new HashSet<string>();
    private ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private long _bytes;
    private int _written;
    private int _added;
    private bool _opened;

    /// <summary>The hash of every file of the build (written or kept), by path; complete once every file was added.</summary>
    public IReadOnlyDictionary<string, ContentHash> FileHashes => new BuildFileHashes(_paths, _hashed, previous?.FileHashes);

    /// <summary>False: a file is hashed and written (or found unchanged) before <see cref="Add"/> returns.</summary>
    public bool KeepsContent => false;

    public bool Open(IReadOnlySet<string> paths)
    {
        // Why the output folder may not be written, if it may not (see OutputCheck): waits for the check if it runs still.
        if (check.Problem is { } problem)
        {
            diagnostics.Report(DiagnosticCodes.OutputUnsafe, SourceLocation.File(output.Path), output.Path, problem);
            return false;
        }

        var staging = output.StagingPath;
        var stagingRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(staging)) + Path.DirectorySeparatorChar;
        // Each path is checked again where it actually lands once combined, whatever the rules missed; meanwhile the paths
        // are put in the marker's order. Paths the previous build wrote all passed these checks together (a build that fails
        // them writes nothing and keeps no cache), and so does any subset of them: a rebuild that adds none checks nothing.
        var sorting = ParallelWork.Start(() => OutputFolder.MarkerOrder(paths));
        try
        {
            bool LandsInside(string path) => Path.GetFullPath(Path.Combine(staging, path)).StartsWith(stagingRoot, StringComparison.Ordinal);
            if (previous is null)
            {
                OutputPaths.Report(paths, diagnostics, LandsInside);
            }
            else if (paths.Where(path => !previous.FileHashes.ContainsKey(path)).ToList() is { Count: > 0 } added)
            {
                OutputPaths.ReportAdded(added, paths, diagnostics, LandsInside);
            }
        }
        finally
        {
            sorting.Wait();
        }

        if (diagnostics.HasErrors)
        {
            return false;
        }

        OutputWriter.DeleteOwnedFolder(staging);
        // Sized for every file now that their number is known (most pages have a folder of their own). Only the files hashed
        // as they arrive are kept here (those added as unchanged keep the previous build's hash), so a build with a previous
        // output, which writes the few files that changed into the few folders they need, starts both tables small.
        var room = previous is null ? paths.Count : 64;
        _hashed = ConcurrentTables.Sized<string, ContentHash>(room, StringComparer.Ordinal);
        _paths = paths;
        _folders = ConcurrentTables.Sized<string, bool>(room, StringComparer.Ordinal);
        _opened = true;
        Directory.CreateDirectory(staging);
        cancellationToken.ThrowIfCancellationRequested();
        OutputFolder.WriteMarker(Path.Combine(staging, OutputFolder.MarkerFileName), sorting.Result);
        return true;
    }

    public void Add(OutputFile file)
    {
        if (file.IsUnchanged)
        {
            AddUnchanged(file.Path);
            return;
        }

        if (beforeFileWrite is not null)
        {
            beforeFileWrite(file.Path, cancellationToken).AsTask().GetAwaiter().GetResult();
        }

        ContentHash? previousHash = previous is not null && previous.FileHashes.TryGetValue(file.Path, out var known) ? known : null;
        var hash = ContentHash.Of(file.Content.Span);
        _hashed[file.Path] = hash;
        Interlocked.Increment(ref _added);
        if (previousHash == hash && previous!.Has(file.Path))
        {
            return;
        }

        var target = Path.Combine(output.StagingPath, file.Path);
        var folder = Path.GetDirectoryName(target)!;
        // The value is added only once its folder exists, so no thread writes into a folder another is still creating. Not
        // through the DirectoryInfo it returns: asking that whether the folder exists is one more status call per folder.
        _folders.GetOrAdd(folder, static path =>
        {
            Directory.CreateDirectory(path);
            return true;
        });
        File.WriteAllBytes(target, file.Content.Span);
        _changed.Add(file.Path);
        Interlocked.Increment(ref _written);
        Interlocked.Add(ref _bytes, file.Content.Length);
    }

    public void AddUnchanged(string path)
    {
        if (beforeFileWrite is not null)
        {
            beforeFileWrite(path, cancellationToken).AsTask().GetAwaiter().GetResult();
        }

        // Whoever marks a file unchanged has checked that the output still holds it: no second look at the disk per file.
        if (previous is null || !previous.FileHashes.ContainsKey(path))
        {
            throw new InvalidOperationException($"'{path}' was marked unchanged but the previous output does not have it.");
        }

        Interlocked.Increment(ref _added);
    }

    /// <summary>
    /// The folder times for the next build's output check (see <see cref="OutputCheck.FolderRecord"/>): those the check found
    /// in the previous output, or, when staging holds the whole output (no previous one), those of the folders just written.
    /// Called once every file is added, before <see cref="Commit"/>.
    /// </summary>
    public byte[] FolderRecord() =>
        previous is null ? OutputFolderRecord.Encode(OutputSurveyor.TimesOfWritten(output.StagingPath, _paths)) : check.FolderRecord;

    /// <summary>
    /// Puts the staged files into the output: the whole folder swapped in, or with a previous output only the changed files
    /// moved in and the files the site no longer has deleted. <paramref name="beforeCommit"/> runs just before (the build
    /// cache is dropped there, since it describes the output about to change).
    /// </summary>
    public WriteResult Commit(Action? beforeCommit)
    {
        cancellationToken.ThrowIfCancellationRequested();
        beforeCommit?.Invoke();
        if (previous is null)
        {
            OutputWriter.Swap(output);
        }
        else
        {
            // The files the last build wrote, as the output check read them from the marker: the marker is not read again.
            var removed = (check.ListedFiles ?? OutputFolder.ListedFiles(output.Path) ?? []).Where(path => !_paths.Contains(path)).ToList();
            OutputPatch.Apply(output, _changed, removed, beforeFileApply);
        }

        _opened = false;
        return new WriteResult(_written, _bytes) { FilesKept = _added - _written, FileHashes = FileHashes };
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
