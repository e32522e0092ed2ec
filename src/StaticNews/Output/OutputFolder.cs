using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>
/// The output folder and its siblings that StaticNews owns: staging (the next build) and old (the previous one, during the swap).
/// The marker file identifies a folder as StaticNews output and lists the files the build wrote, so a later build replaces
/// only those and refuses to delete anything else.
/// </summary>
public sealed record OutputFolder(string Path)
{
    public const string MarkerFileName = ".staticnews-output";
    public const string MarkerText = "This folder is written by StaticNews. Each build replaces it whole; do not keep your own files here.\n";
    public const string ManifestHeading = "Files written by the last build:";

    public string Parent => System.IO.Path.GetDirectoryName(Path) ?? Path;

    public string Name => System.IO.Path.GetFileName(Path);

    public string StagingPath => System.IO.Path.Combine(Parent, "." + Name + ".staging");

    public string OldPath => System.IO.Path.Combine(Parent, "." + Name + ".old");

    public string CachePath => System.IO.Path.Combine(Parent, "." + Name + ".cache");

    /// <summary>The bytes of the files in the build cache folder: 0 when there is none (a first build, or after --force deleted it).</summary>
    public long CacheBytes()
    {
        var cache = new DirectoryInfo(CachePath);
        return cache.Exists ? cache.EnumerateFiles().Sum(file => file.Length) : 0;
    }

    public static bool HasMarker(string folder) => File.Exists(System.IO.Path.Combine(folder, MarkerFileName));

    /// <summary>The paths in the order the marker lists them: ordinal, deterministic like the rest of the output.</summary>
    public static string[] MarkerOrder(IEnumerable<string> writtenPaths)
    {
        var sorted = writtenPaths.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>
    /// Writes the marker at <paramref name="markerPath"/>: the notice, then every written path, already in
    /// <see cref="MarkerOrder"/>, line by line (a large site lists tens of thousands of paths).
    /// </summary>
    public static void WriteMarker(string markerPath, IReadOnlyList<string> sortedPaths)
    {
        using var writer = new StreamWriter(markerPath, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        writer.Write(MarkerText);
        writer.WriteLine(ManifestHeading);
        foreach (var path in sortedPaths)
        {
            writer.WriteLine(path);
        }
    }

    /// <summary>
    /// Files below a marked folder that its marker does not list (relative, '/'-separated, sorted): a person or another tool put
    /// them there. Empty when the folder has no marker or an older marker without a list.
    /// </summary>
    public static IReadOnlyList<string> ForeignFiles(string folder) => Survey(folder)?.Foreign ?? [];

    /// <summary>
    /// One walk of a marked folder: the files its marker does not list and the listed ones that are gone. Null when the folder
    /// has no marker or an older marker without a list. With <paramref name="recordedFolderTimes"/>, the times an earlier
    /// survey recorded (its <see cref="OutputSurvey.FolderTimes"/>), folders unchanged since are not read again.
    /// </summary>
    public static OutputSurvey? Survey(string folder, IReadOnlyDictionary<string, long>? recordedFolderTimes = null) =>
        ListedFiles(folder) is { } listed
            ? OutputSurveyor.Run(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder)), listed, recordedFolderTimes)
            : null;

    /// <summary>
    /// As <see cref="Survey(string, IReadOnlyDictionary{string, long}?)"/>, with the times as the build cache keeps them
    /// (<see cref="Incremental.OutputFolderRecord"/>) and the listed paths named with <paramref name="knownPaths"/>' strings.
    /// </summary>
    internal static OutputSurvey? Survey(string folder, byte[] folderRecord, KnownOutputPaths? knownPaths = null) =>
        ListedFiles(folder, knownPaths ?? KnownOutputPaths.None) is { } listed
            ? OutputSurveyor.Run(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder)), listed, folderRecord)
            : null;

    /// <summary>The paths the marker of <paramref name="folder"/> lists as written by the last build; null without a marker or a list.</summary>
    public static IReadOnlyList<string>? ListedFiles(string folder) => ListedFiles(folder, KnownOutputPaths.None);

    /// <summary>As <see cref="ListedFiles(string)"/>, each path named with <paramref name="knownPaths"/>' string where it has one.</summary>
    internal static IReadOnlyList<string>? ListedFiles(string folder, KnownOutputPaths knownPaths)
    {
        var marker = System.IO.Path.Combine(folder, MarkerFileName);
        return File.Exists(marker) ? MarkerList.Read(marker, knownPaths) : null;
    }
}
