using System.Text;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// The size and last-write time of every file of the site, taken before a build reads them, and kept beside the build cache
/// with the input fingerprint that build computed and, per article, what it found in the file (its hash and how it is cut
/// in two). When every file still has the same size and time stamp, the next build takes that fingerprint instead of reading
/// and hashing every file, as make and git do, so an unchanged site is found up to date without reading it; when only some
/// have, those articles are not read unless their front matter must be parsed or their body rendered again. A file written
/// less than <see cref="RacyWindow"/> before the stamps were taken is never trusted (a second change within the time stamp's
/// resolution could leave its time stamp as it was), and anything unexpected (another engine or options, a damaged file)
/// means reading everything.
/// </summary>
internal sealed class SourceStamps
{
    public const string FileName = "source-stamps.bin";

    /// <summary>Where <see cref="SaveAside"/> writes the stamps before <see cref="Install"/> renames them: never read.</summary>
    public const string AsideFileName = "source-stamps.next.bin";

    /// <summary>Files written this recently before the stamps were taken are recorded as untrusted.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly SiteListing _listing;
    private readonly long _takenAtTicks;

    private SourceStamps(SiteListing listing, long takenAtTicks)
    {
        _listing = listing;
        _takenAtTicks = takenAtTicks;
    }

    /// <summary>Every file of the site, with its size and time stamp, in ordinal order: what the build then reads.</summary>
    public IReadOnlyList<FileStamp> Files => _listing.Files;

    /// <summary>The walk that found <see cref="Files"/>, with the links to folders it met.</summary>
    public SiteListing Listing => _listing;

    /// <summary>The stamps of the site at <paramref name="rootPath"/> now.</summary>
    public static SourceStamps Take(string rootPath)
    {
        var takenAt = DateTime.UtcNow.Ticks;
        return new SourceStamps(SiteDiscoverer.StampAll(rootPath), takenAt);
    }

    /// <summary>
    /// Saves these stamps in <paramref name="cacheFolder"/> with the fingerprint the build computed from the files and, for
    /// each file <paramref name="foundIn"/> knows, what the build found in it.
    /// </summary>
    public void Save(string cacheFolder, string optionsKey, string inputFingerprint, Func<string, UnchangedSource?> foundIn)
    {
        SaveAside(cacheFolder, optionsKey, inputFingerprint, foundIn);
        Install(cacheFolder);
    }

    /// <summary>
    /// As <see cref="Save"/>, under a name no build reads, so the stamps can be written while the output and the build cache
    /// are still being changed (dropping the cache drops the stamps); <see cref="Install"/> then puts them in place.
    /// </summary>
    public void SaveAside(string cacheFolder, string optionsKey, string inputFingerprint, Func<string, UnchangedSource?> foundIn)
    {
        var racyFrom = _takenAtTicks - RacyWindow.Ticks;
        var files = _listing.Files;
        Directory.CreateDirectory(cacheFolder);
        using var file = new FileStream(Path.Combine(cacheFolder, AsideFileName), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var hashing = new HashingWriteStream(file);
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            SavedStamps.WriteHeader(writer, optionsKey, inputFingerprint, files.Count);
            foreach (var stamp in files)
            {
                // A file written just before the stamps were taken gets a time no file has: it never matches.
                SavedStamps.WriteFile(writer, stamp.LastWriteTicks >= racyFrom ? stamp with { LastWriteTicks = -1 } : stamp, foundIn(stamp.Path));
            }
        }

        file.Write(hashing.Checksum);
    }

    /// <summary>Puts the stamps written by <see cref="SaveAside"/> in place.</summary>
    public static void Install(string cacheFolder) => File.Move(Path.Combine(cacheFolder, AsideFileName), Path.Combine(cacheFolder, FileName), overwrite: true);
}
