using System.Globalization;
using System.Text;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// The size and last-write time of every file of the site, taken before a build reads them, and kept beside the build cache
/// with the input fingerprint that build computed. When every file still has the same size and time stamp, the next build
/// takes that fingerprint instead of reading and hashing every file, as make and git do, so an unchanged site is found up
/// to date without reading it. A file written less than <see cref="RacyWindow"/> before the stamps were taken is never
/// trusted (a second change within the time stamp's resolution could leave its time stamp as it was), and anything
/// unexpected (another engine or options, a file added, gone, resized or touched, a damaged file) means reading everything.
/// </summary>
internal sealed class SourceStamps
{
    public const string FileName = "source-stamps.txt";

    private const string Header = "StaticNews source stamps 1";

    /// <summary>Files written this recently before the stamps were taken are recorded as untrusted.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<FileStamp> _files;
    private readonly long _takenAtTicks;

    private SourceStamps(IReadOnlyList<FileStamp> files, long takenAtTicks)
    {
        _files = files;
        _takenAtTicks = takenAtTicks;
    }

    /// <summary>Every file of the site, with its size and time stamp, in ordinal order: what the build then reads.</summary>
    public IReadOnlyList<FileStamp> Files => _files;

    /// <summary>The stamps of the site at <paramref name="rootPath"/> now.</summary>
    public static SourceStamps Take(string rootPath)
    {
        var takenAt = DateTime.UtcNow.Ticks;
        return new SourceStamps(SiteDiscoverer.StampAll(rootPath), takenAt);
    }

    /// <summary>
    /// The input fingerprint saved in <paramref name="cacheFolder"/> with stamps equal to these and the same
    /// <paramref name="optionsKey"/>, or null.
    /// </summary>
    public string? FingerprintIn(string cacheFolder, string optionsKey)
    {
        try
        {
            var path = Path.Combine(cacheFolder, FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != Header || reader.ReadLine() != optionsKey || reader.ReadLine() is not { Length: > 0 } fingerprint
                || !int.TryParse(reader.ReadLine(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != _files.Count)
            {
                return null;
            }

            foreach (var file in _files)
            {
                if (reader.ReadLine() is not { } line || line != Line(file))
                {
                    return null;
                }
            }

            return reader.ReadLine() == "end" ? fingerprint : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Saves these stamps in <paramref name="cacheFolder"/> with the fingerprint the build computed from the files.</summary>
    public void Save(string cacheFolder, string optionsKey, string inputFingerprint)
    {
        var racyFrom = _takenAtTicks - RacyWindow.Ticks;
        var text = new StringBuilder();
        text.Append(Header).Append('\n').Append(optionsKey).Append('\n').Append(inputFingerprint).Append('\n')
            .Append(_files.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var file in _files)
        {
            // A file written just before the stamps were taken gets a time no file has: it never matches.
            text.Append(Line(file.LastWriteTicks >= racyFrom ? file with { LastWriteTicks = -1 } : file)).Append('\n');
        }

        text.Append("end\n");
        var path = Path.Combine(cacheFolder, FileName);
        Directory.CreateDirectory(cacheFolder);
        File.WriteAllText(path + ".tmp", text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static string Line(FileStamp file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.LastWriteTicks} {file.Length} {file.Path}");
}
