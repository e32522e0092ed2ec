using System.IO.Enumeration;

namespace StaticNews.Output;

/// <summary>
/// Deletes a folder and everything below it, as <see cref="Directory.Delete(string, bool)"/> does: links are deleted, never
/// followed. Its own walk enumerates objects, whose shared code is compiled ahead of time; the runtime's recursive delete
/// walks with an enumerator over a value type that the JIT compiles at every build, at the very end of it.
/// </summary>
internal static class FolderTree
{
    private static readonly EnumerationOptions Options = new() { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };

    private enum EntryKind
    {
        File,
        Folder,
        FolderLink,
    }

    public static void Delete(string path)
    {
        if (new DirectoryInfo(path).LinkTarget is null)
        {
            DeleteFolder(path);
        }
        else
        {
            DeleteLink(path);
        }
    }

    private static void DeleteFolder(string path)
    {
        var entries = new FileSystemEnumerable<Entry>(path, (ref FileSystemEntry entry) => new Entry(entry.ToFullPath(), KindOf(ref entry)), Options);
        foreach (var (full, kind) in entries.ToList())
        {
            switch (kind)
            {
                case EntryKind.Folder:
                    DeleteFolder(full);
                    break;
                case EntryKind.FolderLink:
                    DeleteLink(full);
                    break;
                default:
                    File.Delete(full);
                    break;
            }
        }

        Directory.Delete(path);
    }

    /// <summary>A link to a folder: Windows removes it as a folder, Unix as a file; neither touches what it points to.</summary>
    private static void DeleteLink(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.Delete(path);
        }
        else
        {
            File.Delete(path);
        }
    }

    private static EntryKind KindOf(ref FileSystemEntry entry) => !entry.IsDirectory ? EntryKind.File
        : (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? EntryKind.Folder
        : EntryKind.FolderLink;

    /// <summary>One entry of a folder: its full path and what it is.</summary>
    private sealed record Entry(string Path, EntryKind Kind);
}
