namespace StaticNews.Discovery;

/// <summary>
/// A site file's path relative to the site ('/'-separated), size in bytes and last-write time (UTC ticks). A link to a file
/// is stamped as the file it leads to: that is what the build reads.
/// </summary>
internal readonly record struct FileStamp(string Path, long Length, long LastWriteTicks)
{
    /// <summary>The time .NET gives a file whose status cannot be read: the file-time epoch.</summary>
    private static readonly long UnreadableTicks = DateTime.FromFileTimeUtc(0).Ticks;

    /// <summary>The stamp of a file whose status cannot be read (gone since it was listed, or a link that leads nowhere).</summary>
    public static FileStamp Unreadable(string path) => new(path, 0, UnreadableTicks);

    /// <summary>
    /// The stamp of the file at <paramref name="fullPath"/> (<paramref name="path"/> relative to the site), following links to
    /// the file they lead to; null when there is nothing there.
    /// </summary>
    public static FileStamp? Of(string fullPath, string path)
    {
        FileSystemInfo info = new FileInfo(fullPath);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            return info is FileInfo { Exists: true } target ? new FileStamp(path, target.Length, target.LastWriteTimeUtc.Ticks) : Unreadable(path);
        }

        return info is FileInfo { Exists: true } file ? new FileStamp(path, file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }
}
