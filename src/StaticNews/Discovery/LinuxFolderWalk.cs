using System.Runtime.InteropServices;
using System.Text;

namespace StaticNews.Discovery;

/// <summary>
/// Stamps the files below a folder (size and last-write time) on 64-bit Linux: each folder listed with <c>readdir</c>, each
/// entry's status asked relative to its folder with <c>statx</c> for those two fields alone, the name passed as the folder
/// gave it. .NET's enumeration, which the build used before and uses elsewhere, asks each file's status by its whole path
/// (the kernel looks up every folder of it again), encodes that path, and makes an entry object with its attributes: 6 µs
/// of CPU a file here, against 2.3 µs for the listing and status calls alone. Every build stamps every file of the site, an
/// unchanged one only that (measured at 10,000 articles, alternating: unchanged builds 7 to 8 ms faster, with 12 to 15 ms
/// less CPU).
/// <para>
/// It finds what <see cref="SiteDiscoverer"/>'s walk over .NET's enumeration finds, entry for entry (a test compares them on
/// generated trees): names the caller skips are passed over, folders included; a link to a folder is reported and not
/// followed; any other entry (a file, a link to one, a broken link) is a file, a link stamped as the file it leads to (what
/// the build reads), one that leads nowhere as a file whose status cannot be read; a folder that cannot be opened is passed
/// over, as .NET's enumeration does when told to ignore what it cannot read.
/// </para>
/// </summary>
internal static unsafe class LinuxFolderWalk
{
    /// <summary>Whether it can be tried here: the entries' layout it reads is 64-bit Linux's.</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>
    /// Walks the folder at <paramref name="path"/>: stamps the files whose names <paramref name="listed"/> accepts into
    /// <paramref name="files"/> and the links to folders met into <paramref name="links"/>, each path made of
    /// <paramref name="relativePrefix"/> and the path below <paramref name="path"/> ('/' between folders). Names
    /// <paramref name="skipped"/> accepts are passed over. With <paramref name="subfolders"/>, only the folder's own files are
    /// stamped and its subfolders' names added there; without, every level is walked. False, with the lists left empty, when
    /// the C library lacks one of the calls. With <paramref name="typesFromListing"/> false, each entry's type is asked of
    /// <c>statx</c>, as on a file system whose listings give none (<c>DT_UNKNOWN</c>).
    /// </summary>
    public static bool TryWalk(
        string path,
        string relativePrefix,
        List<string>? subfolders,
        Func<string, bool> skipped,
        Func<string, bool> listed,
        List<FileStamp> files,
        List<string> links,
        bool typesFromListing = true)
    {
        var unixPath = Encoding.UTF8.GetBytes(path + "\0");
        try
        {
            fixed (byte* folder = unixPath)
            {
                Walk(LinuxFiles.AtCurrentFolder, folder, relativePrefix, subfolders, new Filters(skipped, listed, typesFromListing), files, links);
            }

            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            subfolders?.Clear();
            files.Clear();
            links.Clear();
            return false;
        }
    }

    private static void Walk(int parent, byte* name, string relativePrefix, List<string>? subfolders, Filters filters, List<FileStamp> files, List<string> links)
    {
        var folder = LinuxFiles.OpenAt(parent, name, LinuxFiles.OpenFolderToList);
        if (folder < 0)
        {
            return;
        }

        var listing = LinuxFiles.FdOpenDir(folder);
        if (listing == 0)
        {
            _ = LinuxFiles.Close(folder);
            return;
        }

        try
        {
            var buffer = stackalloc byte[LinuxFiles.StatusBytes];
            for (var read = LinuxFiles.ReadDir(listing); read != 0; read = LinuxFiles.ReadDir(listing))
            {
                var entry = new LinuxFiles.FolderEntry(read);
                var entryName = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry.Name));
                if (entryName is "." or ".." || filters.Skipped(entryName))
                {
                    continue;
                }

                var (isFolder, isLink) = (filters.TypesFromListing ? entry.Type : LinuxFiles.FolderEntry.UnknownType) switch
                {
                    LinuxFiles.FolderEntry.FolderType => (true, false),
                    LinuxFiles.FolderEntry.LinkType => (false, true),
                    LinuxFiles.FolderEntry.UnknownType when LinuxFiles.TryStatus(folder, entry.Name, LinuxFiles.AtSymlinkNoFollow, LinuxFiles.TypeField, buffer, out var found) => (found.IsFolder, found.IsLink),
                    _ => (false, false),
                };
                if (isLink && LinuxFiles.TryStatus(folder, entry.Name, 0, LinuxFiles.TypeField, buffer, out var target) && target.IsFolder)
                {
                    links.Add(relativePrefix + entryName);
                }
                else if (isFolder && subfolders is not null)
                {
                    subfolders.Add(entryName);
                }
                else if (isFolder)
                {
                    Walk(folder, entry.Name, relativePrefix + entryName + "/", subfolders: null, filters, files, links);
                }
                else if (filters.Listed(entryName))
                {
                    files.Add(LinuxFiles.TryStatus(folder, entry.Name, 0, LinuxFiles.SizeField | LinuxFiles.ModifiedTimeField, buffer, out var file)
                        ? new FileStamp(relativePrefix + entryName, file.Length, file.LastWriteTicks)
                        : FileStamp.Unreadable(relativePrefix + entryName));
                }
            }
        }
        finally
        {
            _ = LinuxFiles.CloseDir(listing);
        }
    }

    /// <summary>What a walk passes over, what it stamps, and whether it takes the entries' types from the listing.</summary>
    private sealed record Filters(Func<string, bool> Skipped, Func<string, bool> Listed, bool TypesFromListing);
}
