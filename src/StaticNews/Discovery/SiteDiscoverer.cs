using System.IO.Enumeration;
using StaticNews.Diagnostics;
using StaticNews.Text;

namespace StaticNews.Discovery;

/// <summary>Stage 1: reads the site folder once into a <see cref="SourceSet"/>. The only stage besides output that touches the disk.</summary>
public static class SiteDiscoverer
{
    /// <summary>Content files larger than this are refused rather than parsed.</summary>
    public const long MaxContentFileBytes = 16 * 1024 * 1024;

    public static Task<SourceSet> DiscoverAsync(string rootPath, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        Task.Run(() => Discover(rootPath, diagnostics, cancellationToken), cancellationToken);

    /// <summary>The folders a site's files are read or copied from, with the names of the files taken in each.</summary>
    private static readonly (string Folder, string Pattern)[] Folders =
    [
        (SiteLayout.ArticlesFolder, "*.md"), (SiteLayout.AuthorsFolder, "*.md"), (SiteLayout.DataFolder, "*"), (SiteLayout.TemplatesFolder, "*"), (SiteLayout.StaticFolder, "*"),
    ];

    /// <summary>Reads the site folder on the calling thread (content files in parallel).</summary>
    public static SourceSet Discover(string rootPath, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        Discover(rootPath, listing: null, unchanged: null, diagnostics, cancellationToken);

    /// <summary>
    /// Reads the site folder, taking the files to read from <paramref name="listing"/> (what <see cref="StampAll(string)"/> found just
    /// before) instead of listing the folders again, when given. The articles in <paramref name="unchanged"/> (by path relative
    /// to the site) are not read: what the last build found in them stands in for their bytes until something asks for those.
    /// </summary>
    internal static SourceSet Discover(
        string rootPath,
        SiteListing? listing,
        IReadOnlyDictionary<string, UnchangedSource>? unchanged,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(rootPath);
        listing ??= StampAll(root);
        IReadOnlyList<string> FilesIn(string folder) => Below(listing.Files, folder);
        foreach (var link in listing.LinkedFolders)
        {
            diagnostics.Report(DiagnosticCodes.FolderLinkNotFollowed, SourceLocation.File(link));
        }

        var siteConfig = ReadOptional(root, SiteLayout.SiteConfigFile, diagnostics);
        if (siteConfig is null)
        {
            diagnostics.Report(DiagnosticCodes.SiteConfigMissing, SourceLocation.File(SiteLayout.SiteConfigFile), root);
        }

        var categories = ReadOptional(root, SiteLayout.CategoriesFile, diagnostics);
        var articles = ReadAll(root, FilesIn(SiteLayout.ArticlesFolder), unchanged, diagnostics, cancellationToken);
        var authors = ReadAll(root, FilesIn(SiteLayout.AuthorsFolder), unchanged: null, diagnostics, cancellationToken);
        var data = ReadAll(root, FilesIn(SiteLayout.DataFolder), unchanged: null, diagnostics, cancellationToken);

        var staticFiles = new SortedDictionary<string, StaticFile>(StringComparer.Ordinal);
        var templates = new SortedDictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        foreach (var (name, read) in EmbeddedTheme.Files())
        {
            AddThemeFile(name, "(theme)/" + name, read, templates, staticFiles, diagnostics);
        }

        foreach (var path in FilesIn(SiteLayout.TemplatesFolder))
        {
            var full = Path.Combine(root, path);
            AddThemeFile(path[(SiteLayout.TemplatesFolder.Length + 1)..], path, () => File.ReadAllBytes(full), templates, staticFiles, diagnostics);
        }

        foreach (var path in FilesIn(SiteLayout.StaticFolder))
        {
            var full = Path.Combine(root, path);
            var relative = path[(SiteLayout.StaticFolder.Length + 1)..];
            staticFiles[relative] = new StaticFile(relative, path, () => File.ReadAllBytes(full));
        }

        return new SourceSet
        {
            RootPath = root,
            SiteConfig = siteConfig,
            Categories = categories,
            Articles = articles,
            Authors = authors,
            Data = ByDataName(data),
            StaticFiles = [.. staticFiles.Values],
            Templates = templates,
        };

        static Dictionary<string, SourceFile> ByDataName(IReadOnlyList<SourceFile> files) =>
            files.ToDictionary(f => f.Path[(SiteLayout.DataFolder.Length + 1)..], StringComparer.Ordinal);
    }

    private static void AddThemeFile(
        string name,
        string displayPath,
        Func<ReadOnlyMemory<byte>> read,
        SortedDictionary<string, ThemeTemplate> templates,
        SortedDictionary<string, StaticFile> staticFiles,
        DiagnosticBag diagnostics)
    {
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            var decoded = SourceText.Decode(read().Span);
            if (decoded.Error is { } error)
            {
                diagnostics.Report(error.Descriptor, SourceLocation.File(displayPath), error.Args);
                return;
            }

            templates[name] = new ThemeTemplate(name, decoded.Text, displayPath);
        }
        else if (name.StartsWith("assets/", StringComparison.Ordinal))
        {
            staticFiles[name] = new StaticFile(name, displayPath, read);
        }
    }

    private static SourceFile? ReadOptional(string root, string relative, DiagnosticBag diagnostics)
    {
        var full = Path.Combine(root, relative);
        return File.Exists(full) ? Read(full, relative, diagnostics) : null;
    }

    /// <summary>
    /// Reads the files at <paramref name="paths"/> (relative to the site, as listed), except those in <paramref name="unchanged"/>,
    /// which are read only if something asks for their bytes. Their full paths are made only to read them: at 10,000 articles,
    /// making one for every unread article (and its relative path again, from its path within its folder) was 3.7 MiB of an
    /// edit's allocations.
    /// </summary>
    private static IReadOnlyList<SourceFile> ReadAll(
        string root,
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, UnchangedSource>? unchanged,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var files = new SourceFile?[paths.Count];

        // Plain blocking reads: a content file is a few kilobytes, read in one call from the page cache, and the asynchronous
        // file API on Unix only adds a task, a stream and a second stat per file on top of the same read.
        ParallelWork.For(paths.Count, i =>
        {
            var relative = paths[i];
            files[i] = unchanged is not null && unchanged.TryGetValue(relative, out var known)
                ? new SourceFile(relative, known, root)
                : Read(Path.Combine(root, relative), relative, diagnostics);
        }, cancellationToken);
        return [.. files.OfType<SourceFile>()];
    }

    private static SourceFile? Read(string fullPath, string relative, DiagnosticBag diagnostics)
    {
        try
        {
            using var handle = File.OpenHandle(fullPath);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxContentFileBytes)
            {
                diagnostics.Report(DiagnosticCodes.FileTooLarge, SourceLocation.File(relative), length, MaxContentFileBytes);
                return null;
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
            {
                read += count;
            }

            return new SourceFile(relative, read == bytes.Length ? bytes : bytes.AsMemory(0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.FileUnreadable, SourceLocation.File(relative), e.Message);
            return null;
        }
    }

    /// <summary>Files below a folder, relative to it with '/' separators, in ordinal order; hidden files and editor leftovers are skipped.</summary>
    internal static IReadOnlyList<string> EnumerateFiles(string folder, string pattern) =>
        Enumerate(folder, string.Empty, pattern, static (ref FileSystemEntry _, string relative) => relative, static relative => relative, linkedFolder: null);

    /// <summary>
    /// The size and last-write time of every file a build reads or copies from the site at <paramref name="rootPath"/>, by
    /// path relative to it, in ordinal order: what <see cref="Discover(string, DiagnosticBag, CancellationToken)"/> would find, without reading any of it.
    /// </summary>
    internal static SiteListing StampAll(string rootPath) => StampAll(rootPath, LinuxFolderWalk.IsAvailable);

    /// <summary>As <see cref="StampAll(string)"/>, through <see cref="LinuxFolderWalk"/> or, with <paramref name="linuxWalk"/> false, .NET's enumeration alone.</summary>
    internal static SiteListing StampAll(string rootPath, bool linuxWalk)
    {
        var root = Path.GetFullPath(rootPath);
        var links = new List<string>();
        var inFolders = new List<FileStamp>[Folders.Length];
        var count = 2;
        for (var i = 0; i < Folders.Length; i++)
        {
            var (folder, pattern) = Folders[i];
            inFolders[i] = Enumerate(
                Path.Combine(root, folder),
                folder + "/",
                pattern,
                static (ref FileSystemEntry entry, string path) => IsLink(ref entry)
                    ? FileStamp.Of(entry.ToFullPath(), path) ?? FileStamp.Unreadable(path)
                    : new FileStamp(path, entry.Length, entry.LastWriteTimeUtc.UtcTicks),
                static stamp => stamp.Path,
                links.Add,
                linuxWalk ? LinuxStamps : null);
            count += inFolders[i].Count;
        }

        var parts = new List<List<FileStamp>>(inFolders.Length + 2);
        foreach (var file in new[] { SiteLayout.SiteConfigFile, SiteLayout.CategoriesFile })
        {
            if (FileStamp.Of(Path.Combine(root, file), file) is { } stamp)
            {
                parts.Add([stamp]);
            }
        }

        parts.AddRange(inFolders);
        links.Sort(StringComparer.Ordinal);
        return new SiteListing(InPathOrder(parts, count), links);
    }

    /// <summary>
    /// The stamps of <paramref name="parts"/>, each in path order already and holding the paths below one name of the site
    /// folder, in path order: the parts put in the order of their first paths. Sorted whole, the site's stamps were sorted a
    /// second time on every build's first step (0.3 ms at 1,000 articles). Should the parts' paths overlap after all, the
    /// stamps are sorted whole.
    /// </summary>
    internal static List<FileStamp> InPathOrder(List<List<FileStamp>> parts, int count)
    {
        parts.RemoveAll(part => part.Count == 0);
        parts.Sort((a, b) => string.CompareOrdinal(a[0].Path, b[0].Path));

        // Made at its full size: grown folder by folder, the list left its outgrown arrays behind.
        var stamps = new List<FileStamp>(count);
        foreach (var part in parts)
        {
            stamps.AddRange(part);
        }

        for (var i = 1; i < stamps.Count; i++)
        {
            if (string.CompareOrdinal(stamps[i - 1].Path, stamps[i].Path) > 0)
            {
                stamps.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                break;
            }
        }

        return stamps;
    }

    /// <summary>A walk's stamps through <see cref="LinuxFolderWalk"/>, with the names <see cref="Walk"/> skips and lists; null where that cannot be tried.</summary>
    private static WalkResult<FileStamp>? LinuxStamps(string path, string relativePrefix, string pattern, List<string>? subfolders)
    {
        var result = new WalkResult<FileStamp>([], []);
        return LinuxFolderWalk.TryWalk(path, relativePrefix, subfolders, static name => IsIgnoredName(name), name => IsListedFile(name, pattern), result.Files, result.Links)
            ? result
            : null;
    }

    /// <summary>The paths of <paramref name="listing"/> (ordinal order, relative to the site) below <paramref name="folder"/>.</summary>
    private static List<string> Below(IReadOnlyList<FileStamp> listing, string folder)
    {
        var prefix = folder + "/";
        var paths = new List<string>();
        foreach (var file in listing)
        {
            if (file.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                paths.Add(file.Path);
            }
        }

        return paths;
    }

    private delegate T EntryTransform<out T>(ref FileSystemEntry entry, string relative);

    /// <summary>A walk made without .NET's enumeration (see <see cref="Walk"/> for what it finds); null when it cannot be made here.</summary>
    private delegate WalkResult<T>? DirectWalk<T>(string path, string relativePrefix, string pattern, List<string>? subfolders);

    /// <summary>
    /// The files below <paramref name="folder"/>, made by <paramref name="transform"/> from each file's path (relative to
    /// <paramref name="folder"/>, after <paramref name="pathPrefix"/>), in ordinal order of <paramref name="pathOf"/>; each link
    /// to a folder met is given to <paramref name="linkedFolder"/> (its path made the same way) and not followed. Each folder is
    /// walked by <paramref name="direct"/> where given and possible, else by <see cref="Walk"/>.
    /// </summary>
    private static List<T> Enumerate<T>(string folder, string pathPrefix, string pattern, EntryTransform<T> transform, Func<T, string> pathOf, Action<string>? linkedFolder, DirectWalk<T>? direct = null)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // The folder's own files first, then its subfolders walked in parallel: each file listed costs a stat call, and a
        // site's files are spread over its category folders. A folder that cannot be read is passed over.
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var subfolders = new List<string>();
        var (list, links) = direct?.Invoke(root, pathPrefix, pattern, subfolders) ?? Walk(root, pathPrefix, pattern, transform, subfolders);
        var below = new WalkResult<T>[subfolders.Count];
        ParallelWork.For(subfolders.Count, i => below[i] = WalkSubfolder(Path.Join(root, subfolders[i]), pathPrefix + subfolders[i] + "/", pattern, transform, direct), CancellationToken.None);
        var total = list.Count;
        foreach (var (files, _) in below)
        {
            total += files.Count;
        }

        // Room for them all at once: added folder by folder, the list grew by doubling, each outgrown array left as garbage.
        list.EnsureCapacity(total);
        foreach (var (files, linksBelow) in below)
        {
            list.AddRange(files);
            links.AddRange(linksBelow);
        }

        if (linkedFolder is not null)
        {
            links.Sort(StringComparer.Ordinal);
            links.ForEach(linkedFolder);
        }

        list.Sort((a, b) => string.CompareOrdinal(pathOf(a), pathOf(b)));
        return list;
    }

    private static WalkResult<T> WalkSubfolder<T>(string path, string relativePrefix, string pattern, EntryTransform<T> transform, DirectWalk<T>? direct)
    {
        try
        {
            return direct?.Invoke(path, relativePrefix, pattern, subfolders: null) ?? Walk(path, relativePrefix, pattern, transform, subfolders: null);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return new WalkResult<T>([], []);
        }
    }

    /// <summary>
    /// The files below <paramref name="path"/>, their relative paths starting with <paramref name="relativePrefix"/>, and the
    /// links to folders met (not followed). With <paramref name="subfolders"/>, only the folder's own files are listed and its
    /// subfolders are added there, to be walked next; without, every level is walked.
    /// </summary>
    private static WalkResult<T> Walk<T>(string path, string relativePrefix, string pattern, EntryTransform<T> transform, List<string>? subfolders)
    {
        var recurse = subfolders is null;
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };

        // Relative paths straight from the directory entries; ignored folders are not walked, ignored files not listed. The
        // entries are objects so the enumerator's shared code, compiled ahead of time, serves any T (a struct T would be compiled
        // by the JIT at every run).
        var entries = new FileSystemEnumerable<WalkEntry<T>>(
            path,
            (ref FileSystemEntry entry) =>
            {
                // One string per entry, the path the build keeps ('/' between folders on every system).
                var inner = entry.Directory.Length > path.Length ? entry.Directory[(path.Length + 1)..] : [];
                var relative = string.Concat(relativePrefix, inner, inner.IsEmpty ? [] : "/", entry.FileName);
                if (OperatingSystem.IsWindows())
                {
                    relative = relative.Replace('\\', '/');
                }

                return !entry.IsDirectory ? new WalkEntry<T>(transform(ref entry, relative), null, null)
                    : IsLink(ref entry) ? new WalkEntry<T>(default!, null, relative)
                    : new WalkEntry<T>(default!, entry.FileName.ToString(), null);
            },
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory
                ? !IsIgnoredName(entry.FileName) && (!recurse || IsLink(ref entry))
                : !IsIgnoredName(entry.FileName) && IsListedFile(entry.FileName, pattern),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsIgnoredName(entry.FileName) && !IsLink(ref entry),
        };
        var result = new WalkResult<T>([], []);
        foreach (var entry in entries)
        {
            if (entry.Subfolder is { } subfolder)
            {
                subfolders?.Add(subfolder);
            }
            else if (entry.LinkedFolder is { } link)
            {
                result.Links.Add(link);
            }
            else
            {
                result.Files.Add(entry.File);
            }
        }

        return result;
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>What a walk meets: a file, as the walk's transform made it; a folder to walk next; or a link to a folder.</summary>
    private sealed record WalkEntry<T>(T File, string? Subfolder, string? LinkedFolder);

    private sealed record WalkResult<T>(List<T> Files, List<string> Links);

    /// <summary>A hidden file or folder, an editor's backup or autosave: never part of the site.</summary>
    private static bool IsIgnoredName(ReadOnlySpan<char> name) => name.StartsWith('.') || name.EndsWith('~') || name.StartsWith('#');

    /// <summary>Whether a file named <paramref name="name"/> (not an ignored name) is listed by a walk for <paramref name="pattern"/>.</summary>
    private static bool IsListedFile(ReadOnlySpan<char> name, string pattern) =>
        !IsEditorLeftover(name) && (pattern == "*" || FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()));

    private static bool IsEditorLeftover(ReadOnlySpan<char> name) => name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);
}
