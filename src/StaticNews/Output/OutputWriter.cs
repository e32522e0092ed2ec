using StaticNews.Diagnostics;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>
/// Stage 5 for a list of files already in memory (a build streams its files through <see cref="StagingWriter"/> instead):
/// writes them into a staging folder beside the output, then swaps it in. A failed or interrupted build leaves the previous
/// output as it was. Also the folder operations the writers share: the swap, its recovery, and deleting owned folders.
/// </summary>
public static class OutputWriter
{
    public static Task<WriteResult?> WriteAsync(string sourceRoot, OutputFolder output, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var writer = new StagingWriter(output, OutputCheck.Now(sourceRoot, output), diagnostics, previous: null, beforeFileWrite: null, beforeFileApply: null, cancellationToken);
        if (!writer.Open(files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal)))
        {
            return Task.FromResult<WriteResult?>(null);
        }

        try
        {
            ParallelWork.For(files.Count, i => writer.Add(files[i]), cancellationToken);
            return Task.FromResult<WriteResult?>(writer.Commit(beforeCommit: null));
        }
        catch
        {
            writer.Abandon();
            throw;
        }
    }

    internal static void Swap(OutputFolder output)
    {
        DeleteOwnedFolder(output.OldPath);
        if (Directory.Exists(output.Path))
        {
            Directory.Move(output.Path, output.OldPath);
        }

        Directory.Move(output.StagingPath, output.Path);
        DeleteOwnedFolder(output.OldPath);
    }

    /// <summary>
    /// A build killed mid-write leaves its staging folder: an up-to-date build, which writes nothing, still removes it (after
    /// completing the patch of one killed while applying it).
    /// </summary>
    internal static void RemoveLeftoverStaging(OutputFolder output)
    {
        OutputPatch.CompleteInterrupted(output);
        DeleteOwnedFolder(output.StagingPath);
    }

    /// <summary>A build killed between the two moves of a swap leaves the previous output as ".name.old": put it back.</summary>
    internal static void RecoverInterruptedSwap(OutputFolder output)
    {
        if (!Directory.Exists(output.Path) && Directory.Exists(output.OldPath) && OutputFolder.HasMarker(output.OldPath))
        {
            Directory.Move(output.OldPath, output.Path);
        }
    }

    /// <summary>Deletes a folder only when StaticNews wrote it (it holds the marker file) or it is empty.</summary>
    internal static void DeleteOwnedFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        if (OutputFolder.HasMarker(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            // A news site's output is tens of thousands of page folders: their subtrees are removed in parallel, the marker last.
            // The calling thread starts at once: Parallel.ForEach waited for pool threads busy writing the build cache before
            // it removed an edit's staging folder, a handful of folders (0.9 ms of a 1,000-article edit, against 0.1).
            var folders = Directory.GetDirectories(path);
            ParallelWork.For(folders.Length, i => FolderTree.Delete(folders[i]), CancellationToken.None);
            FolderTree.Delete(path);
        }
        else
        {
            throw new IOException($"Refusing to delete '{path}': it was not written by StaticNews.");
        }
    }
}
