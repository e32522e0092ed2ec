using System.IO.Enumeration;

namespace StaticNews.Output;

/// <summary>
/// Deletes a folder and everything below it, as <see cref="Directory.Delete(string, bool)"/> does: links are deleted, never
/// followed. Its own walk enumerates strings, whose code is compiled ahead of time; the runtime's recursive delete walks
/// with an enumerator over a value type that the JIT compiles at every build, at the very end of it.
/// </summary>
internal static class FolderTree
{
    private const char Folder = 'D';
    private const char FolderLink = 'L';
    private const char File = 'F';

    private static readonly EnumerationOptions Options = new() { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };

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
        // Each entry is its kind then its full path: one read of the folder says what to delete and how.
        var entries = new FileSystemEnumerable<string>(path, (ref FileSystemEntry entry) => KindOf(ref entry) + entry.ToFullPath(), Options);
        foreach (var entry in entries.ToList())
        {
            var (kind, full) = (entry[0], entry[1..]);
            switch (kind)
            {
                case Folder:
                    DeleteFolder(full);
                    break;
                case FolderLink:
                    DeleteLink(full);
                    break;
                default:
                    System.IO.File.Delete(full);
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
            System.IO.File.Delete(path);
        }
    }

    private static char KindOf(ref FileSystemEntry entry) => entry.IsDirectory
        ? (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? Folder : FolderLink
        : File;
}
