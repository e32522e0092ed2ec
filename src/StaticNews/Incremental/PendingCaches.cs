namespace StaticNews.Incremental;

/// <summary>
/// The article caches of a build in progress. They are written as soon as the model is built, so what they hold need
/// not live through rendering, but under temporary names: <see cref="Commit"/> puts them in place once the build has
/// succeeded, and <see cref="Discard"/> removes them (and the cache folder, if this build created it) when it has not, so a
/// failed build leaves the cache folder as it found it.
/// </summary>
internal sealed class PendingCaches(string folder)
{
    private const string Suffix = ".pending";
    private static readonly string[] FileNames = [DraftCache.FileName, BodyCache.FileName, BodyCache.DeltaFileName, RelatedCache.FileName, SearchCache.FileName, CalendarCache.FileName];

    private readonly bool _folderExisted = Directory.Exists(folder);

    public string PathOf(string fileName) => Path.Combine(folder, fileName + Suffix);

    public void Commit()
    {
        foreach (var name in FileNames)
        {
            if (File.Exists(PathOf(name)))
            {
                File.Move(PathOf(name), Path.Combine(folder, name), overwrite: true);
            }
        }
    }

    /// <summary>Deletes the pending files, and the folder if writing them made it; nothing when they were never written (no folder).</summary>
    public void Discard()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var name in FileNames)
        {
            File.Delete(PathOf(name));
        }

        if (!_folderExisted && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
