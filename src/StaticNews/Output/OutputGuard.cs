using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>Decides whether a folder may be used as output: never the source or a folder holding it, never inside content, never someone else's files.</summary>
public static class OutputGuard
{
    public static string? Check(string sourceRoot, OutputFolder output) => Check(sourceRoot, output, out _);

    /// <summary>
    /// Like <see cref="Check(string, OutputFolder)"/>, and gives what the walk of a marked output found (null when it did not
    /// walk one); <paramref name="folderRecord"/> holds the folder times the previous build's survey recorded (empty for none),
    /// <paramref name="knownPaths"/> the strings to name the marker's paths with.
    /// </summary>
    internal static string? Check(string sourceRoot, OutputFolder output, out OutputSurvey? survey, byte[]? folderRecord = null, KnownOutputPaths? knownPaths = null)
    {
        survey = null;
        if (CheckLocation(sourceRoot, output) is { } problem)
        {
            return problem;
        }

        var target = Normalize(output.Path);
        survey = Directory.Exists(target) ? OutputFolder.Survey(target, folderRecord ?? [], knownPaths) : null;
        if (survey?.Foreign is { Count: > 0 } foreign)
        {
            var named = string.Join(", ", foreign.Take(3).Select(f => "'" + f + "'")) + (foreign.Count > 3 ? $" and {foreign.Count - 3} more" : string.Empty);
            return $"it holds files StaticNews did not write ({named}); move them elsewhere, since each build replaces the folder whole";
        }

        if (Directory.Exists(output.StagingPath) && !OutputFolder.HasMarker(output.StagingPath) && Directory.EnumerateFileSystemEntries(output.StagingPath).Any())
        {
            return $"the staging folder '{output.StagingPath}' exists and was not written by StaticNews; remove it";
        }

        return null;
    }

    /// <summary>
    /// The part of <see cref="Check(string, OutputFolder)"/> that needs no walk of the output: where the folder lies, and
    /// whether it is someone else's. A build takes the output's lock (<see cref="OutputLock"/>) only past this check, so a
    /// refused folder never gets a cache folder beside it.
    /// </summary>
    internal static string? CheckLocation(string sourceRoot, OutputFolder output)
    {
        var source = Normalize(sourceRoot);
        var target = Normalize(output.Path);
        if (Path.GetPathRoot(target) == target)
        {
            return "it is the root of a drive; choose a folder of its own";
        }

        if (PathEquals(source, target))
        {
            return "it is the site folder itself; use a folder inside it such as 'public' or one beside it";
        }

        if (IsInside(source, target))
        {
            return "it contains the site folder, which a build would replace";
        }

        foreach (var content in SiteLayout.ContentFolders)
        {
            var folder = Normalize(Path.Combine(source, content));
            if (PathEquals(folder, target) || IsInside(target, folder))
            {
                return $"it lies inside the site's '{content}' folder, which holds content";
            }
        }

        if (Directory.Exists(target) && !OutputFolder.HasMarker(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return $"it is not empty and was not written by StaticNews (no {OutputFolder.MarkerFileName} file); empty it or choose another folder";
        }

        return null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static StringComparison Comparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool PathEquals(string a, string b) => string.Equals(a, b, Comparison);

    /// <summary>True when <paramref name="inner"/> lies strictly inside <paramref name="outer"/>.</summary>
    private static bool IsInside(string inner, string outer) =>
        inner.Length > outer.Length && inner.StartsWith(outer, Comparison) && (inner[outer.Length] == Path.DirectorySeparatorChar || inner[outer.Length] == Path.AltDirectorySeparatorChar);
}
