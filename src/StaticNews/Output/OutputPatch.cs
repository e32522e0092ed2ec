using System.Text;

namespace StaticNews.Output;

/// <summary>
/// Applies an incremental build to the output in place, once the whole build succeeded: files the site no longer has are
/// deleted, the changed files (complete in staging) are moved over their old versions, and the new marker replaces the old.
/// Unchanged files are not touched, so they keep their bytes and timestamps. A journal written into staging before the first
/// change makes this recoverable: whatever run next finds the journal completes the patch (forward, never back) before it
/// does anything else, so an interrupted apply never leaves the output half old, half new for longer than the next run.
/// </summary>
internal static class OutputPatch
{
    public const string JournalFileName = ".staticnews-apply";

    private const string ChangedPrefix = "M ";
    private const string RemovedPrefix = "D ";

    /// <summary>
    /// Records the patch in the journal, then applies it. <paramref name="beforeEachChange"/> is a test hook run before each
    /// file is deleted or moved and before the marker is replaced; the apply itself does not stop on cancellation (it is the commit).
    /// </summary>
    public static void Apply(OutputFolder output, IReadOnlyCollection<string> changed, IReadOnlyCollection<string> removed, Action<string>? beforeEachChange)
    {
        var journal = Path.Combine(output.StagingPath, JournalFileName);
        var text = new StringBuilder();
        AppendSorted(text, RemovedPrefix, removed);
        AppendSorted(text, ChangedPrefix, changed);
        File.WriteAllText(journal + ".tmp", text.ToString());
        File.Move(journal + ".tmp", journal, overwrite: true);
        Run(output, [.. changed], [.. removed], beforeEachChange);
    }

    /// <summary>
    /// The journal's lines for <paramref name="paths"/>, in ordinal order. Sorted in place rather than with Order then Select:
    /// Select on what Order gives is a generic virtual call, resolved at run time by the natively compiled tool at a cost
    /// (see SiteBuilder.ByNameThenId), and every edit writes a journal.
    /// </summary>
    private static void AppendSorted(StringBuilder text, string prefix, IReadOnlyCollection<string> paths)
    {
        string[] sorted = [.. paths];
        Array.Sort(sorted, StringComparer.Ordinal);
        foreach (var path in sorted)
        {
            text.Append(prefix).Append(path).Append('\n');
        }
    }

    /// <summary>Completes the patch of a build killed while applying it, if its journal is in staging.</summary>
    public static void CompleteInterrupted(OutputFolder output)
    {
        var journal = Path.Combine(output.StagingPath, JournalFileName);
        if (!File.Exists(journal))
        {
            return;
        }

        var changed = new List<string>();
        var removed = new List<string>();
        foreach (var line in File.ReadAllLines(journal))
        {
            if (line.StartsWith(ChangedPrefix, StringComparison.Ordinal))
            {
                changed.Add(line[ChangedPrefix.Length..]);
            }
            else if (line.StartsWith(RemovedPrefix, StringComparison.Ordinal))
            {
                removed.Add(line[RemovedPrefix.Length..]);
            }
        }

        Run(output, changed, removed, beforeEachChange: null);
    }

    /// <summary>Every step can run again after an interruption: a moved file is no longer in staging, a deleted one no longer in the output.</summary>
    private static void Run(OutputFolder output, List<string> changed, List<string> removed, Action<string>? beforeEachChange)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output.Path)) + Path.DirectorySeparatorChar;
        string? InOutput(string relative)
        {
            var full = Path.GetFullPath(Path.Combine(output.Path, relative));
            return OutputPaths.IsSafe(relative) && full.StartsWith(root, StringComparison.Ordinal) ? full : null;
        }

        // Deletions first: a page folder may take the place of a file of the same name, or the reverse.
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in removed)
        {
            if (InOutput(relative) is not { } target)
            {
                continue;
            }

            if (File.Exists(target))
            {
                beforeEachChange?.Invoke(relative);
                File.Delete(target);
            }

            emptied.Add(Path.GetDirectoryName(target)!);
        }

        foreach (var folder in emptied.OrderByDescending(f => f.Length))
        {
            RemoveIfEmpty(folder, root);
        }

        ParallelWork.For(changed.Count, i =>
        {
            if (InOutput(changed[i]) is not { } target)
            {
                return;
            }

            var source = Path.Combine(output.StagingPath, changed[i]);
            if (File.Exists(source))
            {
                beforeEachChange?.Invoke(changed[i]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
            }
        }, CancellationToken.None);

        // The marker is copied, not moved: staging keeps its own, so until it is gone it is known as StaticNews's to remove.
        var marker = Path.Combine(output.Path, OutputFolder.MarkerFileName);
        beforeEachChange?.Invoke(OutputFolder.MarkerFileName);
        File.Copy(Path.Combine(output.StagingPath, OutputFolder.MarkerFileName), marker + ".tmp", overwrite: true);
        File.Move(marker + ".tmp", marker, overwrite: true);

        // The journal goes only now, so an interruption at any earlier point replays the patch.
        File.Delete(Path.Combine(output.StagingPath, JournalFileName));
        OutputWriter.DeleteOwnedFolder(output.StagingPath);
    }

    /// <summary>Removes a folder the deletions emptied, and its parents while they are empty, never the output folder itself.</summary>
    private static void RemoveIfEmpty(string folder, string root)
    {
        var current = folder;
        while ((current + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal)
            && current.Length + 1 > root.Length
            && Directory.Exists(current)
            && !Directory.EnumerateFileSystemEntries(current).Any())
        {
            Directory.Delete(current);
            current = Path.GetDirectoryName(current)!;
        }
    }
}
