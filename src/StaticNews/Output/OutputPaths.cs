using StaticNews.Diagnostics;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>Rules for the relative paths StaticNews writes: one safe path below the output folder, on every operating system.</summary>
public static class OutputPaths
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedStems = ReservedNames.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSafe(string relativePath)
    {
        if (relativePath.Length is 0 or > 1024 || relativePath.StartsWith('/') || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var path = relativePath.AsSpan();
        foreach (var segment in path.Split('/'))
        {
            if (!IsSafeSegment(path[segment]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > 255 || segment is "." or ".." || segment.EndsWith('.') || segment.EndsWith(' '))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                return false;
            }
        }

        var dot = segment.IndexOf('.');
        return !ReservedStems.Contains(dot < 0 ? segment : segment[..dot]);
    }

    /// <summary>Reports every output path that breaks the rules or is needed both as a file and as a folder. Runs in check as well as build.</summary>
    public static void Report(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics) => Report([.. files.Select(f => f.Path)], diagnostics);

    /// <inheritdoc cref="Report(IReadOnlyList{OutputFile}, DiagnosticBag)"/>
    public static void Report(IReadOnlyCollection<string> allPaths, DiagnosticBag diagnostics) => Report(allPaths, diagnostics, landsInside: null);

    /// <summary>
    /// As <see cref="Report(IReadOnlyCollection{string}, DiagnosticBag)"/>; a path that follows the rules must also satisfy
    /// <paramref name="landsInside"/> (where it lands once combined with a folder). Paths are checked in parallel: a large
    /// site has tens of thousands.
    /// </summary>
    internal static void Report(IReadOnlyCollection<string> allPaths, DiagnosticBag diagnostics, Func<string, bool>? landsInside)
    {
        var all = allPaths as string[] ?? [.. allPaths];
        var safe = new bool[all.Length];
        ParallelWork.For(all.Length, i =>
        {
            safe[i] = IsSafe(all[i]) && (landsInside is null || landsInside(all[i]));
            if (!safe[i])
            {
                diagnostics.Report(DiagnosticCodes.OutputPathUnsafe, SourceLocation.File(all[i]), all[i]);
            }
        }, CancellationToken.None);

        var paths = new HashSet<string>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            if (safe[i])
            {
                paths.Add(all[i]);
            }
        }

        ReportFileFolderConflicts(paths, diagnostics);
    }

    /// <summary>
    /// What <see cref="Report(IReadOnlyCollection{string}, DiagnosticBag, Func{string, bool}?)"/> would report of
    /// <paramref name="allPaths"/>, where all but <paramref name="added"/> passed these checks together before (the paths a
    /// previous build wrote: any subset of them passes too). Only the added paths are checked against the rules, and a
    /// conflict needs an added path, as the file or below it: an edit that adds an article checks its few new paths and
    /// looks up the folders of the others in those, instead of resolving and checking tens of thousands of paths again.
    /// </summary>
    internal static void ReportAdded(IReadOnlyCollection<string> added, IReadOnlySet<string> allPaths, DiagnosticBag diagnostics, Func<string, bool>? landsInside)
    {
        var addedSafe = new HashSet<string>(added.Count, StringComparer.Ordinal);
        var addedUnsafe = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in added)
        {
            if (IsSafe(path) && (landsInside is null || landsInside(path)))
            {
                addedSafe.Add(path);
            }
            else
            {
                addedUnsafe.Add(path);
                diagnostics.Report(DiagnosticCodes.OutputPathUnsafe, SourceLocation.File(path), path);
            }
        }

        if (addedSafe.Count == 0)
        {
            return;
        }

        var addedFolders = addedSafe.GetAlternateLookup<ReadOnlySpan<char>>();
        SpanPredicate isAdded = folder => addedFolders.Contains(folder);
        SpanPredicate isWritten = folder => folder.ToString() is var name && !addedUnsafe.Contains(name) && allPaths.Contains(name);
        foreach (var path in allPaths)
        {
            if (!addedUnsafe.Contains(path) && (addedSafe.Contains(path) || FirstFolderIn(path, isAdded) is not null))
            {
                ReportConflict(path, isWritten, diagnostics);
            }
        }
    }

    /// <summary>A page "news/index.html" and a static file "news" cannot both be written: the second write would fail half way.</summary>
    /// <remarks>Each folder of each path is looked up as a span of it, without a string per folder (tens of thousands of paths).</remarks>
    private static void ReportFileFolderConflicts(HashSet<string> paths, DiagnosticBag diagnostics)
    {
        var folders = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        SpanPredicate isFile = folder => folders.Contains(folder);
        foreach (var path in paths)
        {
            ReportConflict(path, isFile, diagnostics);
        }
    }

    /// <summary>Reports <paramref name="path"/>'s first folder that <paramref name="isFile"/> says is also written as a file.</summary>
    private static void ReportConflict(string path, SpanPredicate isFile, DiagnosticBag diagnostics)
    {
        if (FirstFolderIn(path, isFile) is { } length)
        {
            var folder = path[..length];
            diagnostics.Report(DiagnosticCodes.OutputPathConflict, SourceLocation.File(folder), folder, path);
        }
    }

    /// <summary>The length of <paramref name="path"/>'s first folder (from the top) that <paramref name="matches"/>, or null.</summary>
    private static int? FirstFolderIn(string path, SpanPredicate matches)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (matches(path.AsSpan(0, slash)))
            {
                return slash;
            }
        }

        return null;
    }

    private delegate bool SpanPredicate(ReadOnlySpan<char> folder);
}
