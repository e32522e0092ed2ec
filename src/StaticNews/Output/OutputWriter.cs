using StaticNews.Diagnostics;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>Stage 5: writes the whole site into a staging folder beside the output, then swaps it in. A failed or interrupted build leaves the previous output as it was.</summary>
public static class OutputWriter
{
    public static Task<WriteResult?> WriteAsync(string sourceRoot, OutputFolder output, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        WriteAsync(sourceRoot, output, files, diagnostics, previous: null, beforeFileWrite: null, beforeSwap: null, cancellationToken);

    /// <summary>Writes the site; files identical to <paramref name="previous"/>'s are hard-linked from it instead of written.</summary>
    internal static async Task<WriteResult?> WriteAsync(
        string sourceRoot,
        OutputFolder output,
        IReadOnlyList<OutputFile> files,
        DiagnosticBag diagnostics,
        PreviousOutput? previous,
        Func<string, CancellationToken, ValueTask>? beforeFileWrite,
        Action? beforeSwap,
        CancellationToken cancellationToken = default)
    {
        RecoverInterruptedSwap(output);
        if (OutputGuard.Check(sourceRoot, output) is { } problem)
        {
            diagnostics.Report(DiagnosticCodes.OutputUnsafe, SourceLocation.File(output.Path), output.Path, problem);
            return null;
        }

        var staging = output.StagingPath;
        var stagingRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(staging)) + Path.DirectorySeparatorChar;
        OutputPaths.Report(files, diagnostics);
        foreach (var file in files)
        {
            // Checked again where the path actually lands once combined, whatever the rules above missed.
            if (OutputPaths.IsSafe(file.Path) && !Path.GetFullPath(Path.Combine(staging, file.Path)).StartsWith(stagingRoot, StringComparison.Ordinal))
            {
                diagnostics.Report(DiagnosticCodes.OutputPathUnsafe, SourceLocation.File(file.Path), file.Path);
            }
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        DeleteOwnedFolder(staging);
        long bytes = 0;
        var written = 0;
        var hashes = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            Directory.CreateDirectory(staging);
            await File.WriteAllTextAsync(Path.Combine(staging, OutputFolder.MarkerFileName), OutputFolder.MarkerContent(files.Select(f => f.Path)), cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(files, cancellationToken, async (file, ct) =>
            {
                if (beforeFileWrite is not null)
                {
                    await beforeFileWrite(file.Path, ct).ConfigureAwait(false);
                }

                var target = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var (hash, wasWritten) = await FilePlacer.PlaceAsync(file, target, previous, ct).ConfigureAwait(false);
                hashes[file.Path] = hash;
                if (wasWritten)
                {
                    Interlocked.Increment(ref written);
                    Interlocked.Add(ref bytes, file.Content.Length);
                }
            }).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            DeleteOwnedFolder(staging);
            throw;
        }

        beforeSwap?.Invoke();
        Swap(output);
        return new WriteResult(written, bytes) { FilesKept = files.Count - written, FileHashes = new Dictionary<string, string>(hashes, StringComparer.Ordinal) };
    }

    private static void Swap(OutputFolder output)
    {
        DeleteOwnedFolder(output.OldPath);
        if (Directory.Exists(output.Path))
        {
            Directory.Move(output.Path, output.OldPath);
        }

        Directory.Move(output.StagingPath, output.Path);
        DeleteOwnedFolder(output.OldPath);
    }

    /// <summary>A build killed mid-write leaves its staging folder: an up-to-date build, which writes nothing, still removes it.</summary>
    internal static void RemoveLeftoverStaging(OutputFolder output) => DeleteOwnedFolder(output.StagingPath);

    /// <summary>A build killed between the two moves of a swap leaves the previous output as ".name.old": put it back.</summary>
    internal static void RecoverInterruptedSwap(OutputFolder output)
    {
        if (!Directory.Exists(output.Path) && Directory.Exists(output.OldPath) && OutputFolder.HasMarker(output.OldPath))
        {
            Directory.Move(output.OldPath, output.Path);
        }
    }

    /// <summary>Deletes a folder only when StaticNews wrote it (it holds the marker file) or it is empty.</summary>
    private static void DeleteOwnedFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        if (OutputFolder.HasMarker(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            throw new IOException($"Refusing to delete '{path}': it was not written by StaticNews.");
        }
    }
}
