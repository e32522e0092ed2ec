namespace StaticNews.Discovery;

/// <summary>A site file's path relative to the site ('/'-separated), size in bytes and last-write time (UTC ticks).</summary>
internal readonly record struct FileStamp(string Path, long Length, long LastWriteTicks);
