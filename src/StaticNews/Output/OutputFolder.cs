using System.IO.Enumeration;

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

    /// <summary>The marker's text: the notice, then every written path in ordinal order (deterministic like the rest of the output).</summary>
    public static string MarkerContent(IEnumerable<string> writtenPaths) =>
        MarkerText + ManifestHeading + "\n" + string.Concat(writtenPaths.Order(StringComparer.Ordinal).Select(p => p + "\n"));

    /// <summary>
    /// Files below a marked folder that its marker does not list (relative, '/'-separated, sorted): a person or another tool put
    /// them there. Empty when the folder has no marker or an older marker without a list.
    /// </summary>
    public static IReadOnlyList<string> ForeignFiles(string folder) => Survey(folder)?.Foreign ?? [];

    /// <summary>
    /// One walk of a marked folder: the files its marker does not list and the listed ones that are gone. Null when the folder
    /// has no marker or an older marker without a list.
    /// </summary>
    public static OutputSurvey? Survey(string folder)
    {
        if (ListedFiles(folder) is not { } listed)
        {
            return null;
        }

        var unseen = new HashSet<string>(listed, StringComparer.Ordinal) { MarkerFileName };
        var root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };

        // Files and links (to files or folders); plain folders are only walked. Paths come straight from the directory entries,
        // without an object or a system call per entry: an output has tens of thousands of them.
        var entries = new FileSystemEnumerable<string>(
            root,
            (ref FileSystemEntry entry) => System.IO.Path.Join(entry.Directory.Length > root.Length ? entry.Directory[(root.Length + 1)..] : [], entry.FileName).Replace('\\', '/'),
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

        // A walk meets each path once, so a path it cannot cross off the list is one the marker does not list.
        var foreign = new List<string>();
        foreach (var relative in entries)
        {
            if (!unseen.Remove(relative))
            {
                foreign.Add(relative);
            }
        }

        unseen.Remove(MarkerFileName);
        foreign.Sort(StringComparer.Ordinal);
        return new OutputSurvey(foreign, unseen);
    }

    /// <summary>The paths the marker of <paramref name="folder"/> lists as written by the last build; null without a marker or a list.</summary>
    public static IReadOnlyList<string>? ListedFiles(string folder)
    {
        var marker = System.IO.Path.Combine(folder, MarkerFileName);
        if (!File.Exists(marker))
        {
            return null;
        }

        var lines = File.ReadAllLines(marker);
        var heading = Array.IndexOf(lines, ManifestHeading);
        return heading < 0 ? null : lines[(heading + 1)..];
    }
}
