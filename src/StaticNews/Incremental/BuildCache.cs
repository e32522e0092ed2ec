using System.Runtime.InteropServices;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// What the last successful build left beside its output: a fingerprint of all its inputs, one per page, and a hash of every
/// file written. Only an optimisation: a missing, corrupt or foreign cache means a cold build, never a wrong site. Stored as
/// an <see cref="EntryFile"/> (checksummed, the engine version as its context) with each path written once: reading it is
/// on the path of every incremental build, and JSON took four times as long for the 40,000 entries of a 10,000-article site.
/// </summary>
internal sealed record BuildCache
{
    public const string FileName = "build-cache.bin";

    /// <summary>Where <see cref="SaveAside"/> writes the cache before <see cref="Install"/> renames it: never read.</summary>
    public const string AsideFileName = "build-cache.next.bin";

    /// <summary>Where versions before 2 kept the cache: removed with the cache, so an upgraded site's cache folder holds no stale copy.</summary>
    private const string LegacyFileName = "build-cache.json";

    private const string Magic = "StaticNews build cache";
    private const string EntryKey = "build";

    /// <summary>
    /// A few lines beside the cache (format and engine version, input fingerprint, valid-until), written when the build had no
    /// warning: enough to tell that nothing changed without reading the whole cache.
    /// </summary>
    public const string SummaryFileName = "up-to-date.txt";

    /// <summary>Changes whenever the cache's meaning changes; a cache of another version is ignored.</summary>
    public const int FormatVersion = 9;

    /// <summary>The engine build that wrote the cache: another StaticNews version may render differently.</summary>
    public required string EngineVersion { get; init; }

    public required string InputFingerprint { get; init; }

    /// <summary>When the same inputs stop giving the same site: a scheduled article appears, an article expires, the news or analytics window moves.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    public required string SiteFingerprint { get; init; }

    public Dictionary<string, ContentHash> PageFingerprints { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The hash of every file of the output, by path (the staging writer's table itself when a build saves it).</summary>
    public IReadOnlyDictionary<string, ContentHash> FileHashes { get; init; } = new Dictionary<string, ContentHash>(StringComparer.Ordinal);

    /// <summary>For each page, what it read of articles when last rendered (pages that read none are left out).</summary>
    public PageReadsTable Reads { get; init; } = PageReadsTable.Empty();

    /// <summary>
    /// The times of the output's folders as the build's check of the output found them (<see cref="Incremental.OutputFolderRecord"/>,
    /// kept as bytes): the next build's check does not read again the folders still carrying them.
    /// </summary>
    public byte[] OutputFolderRecord { get; init; } = [];

    /// <summary>The warnings of that build, printed again when nothing changed so CI logs keep showing them.</summary>
    public List<CachedDiagnostic> Warnings { get; init; } = [];

    public static BuildCache? Load(string folder)
    {
        var file = EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, EngineIdentity.Version);
        if (!file.TryGet(EntryKey, out var entry))
        {
            return null;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            var inputFingerprint = reader.ReadString();
            DateTimeOffset? validUntil = reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt32())) : null;
            var siteFingerprint = reader.ReadString();
            var paths = new string[reader.Read7BitEncodedInt()];
            if (paths.Length > entry.Length)
            {
                return null;
            }

            for (var i = 0; i < paths.Length; i++)
            {
                paths[i] = reader.ReadString();
            }

            var pageFingerprints = ReadHashesByPath(ref reader, paths);
            var fileHashes = ReadHashesByPath(ref reader, paths);
            var pageReads = PageReadsTable.Read(ref reader, paths, reader.Read7BitEncodedInt());
            var folderRecord = reader.ReadBytes(reader.Read7BitEncodedInt());

            return new BuildCache
            {
                EngineVersion = EngineIdentity.Version,
                InputFingerprint = inputFingerprint,
                ValidUntil = validUntil,
                SiteFingerprint = siteFingerprint,
                PageFingerprints = pageFingerprints,
                FileHashes = fileHashes,
                Reads = pageReads,
                OutputFolderRecord = folderRecord,
                Warnings = [.. CachedDiagnostic.ReadAll(ref reader)],
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Hashes written by <see cref="WriteNumbered"/>: each a path's number and 16 bytes.</summary>
    private static Dictionary<string, ContentHash> ReadHashesByPath(ref CacheReader reader, string[] paths)
    {
        var count = reader.Read7BitEncodedInt();
        var values = new Dictionary<string, ContentHash>(Math.Min(count, paths.Length), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = paths[reader.Read7BitEncodedInt()];
            values[path] = reader.ReadContentHash();
        }

        return values;
    }

    /// <summary>Writes the cache in <paramref name="folder"/> and puts it in place.</summary>
    public void Save(string folder)
    {
        SaveAside(folder);
        Install(folder);
    }

    /// <summary>
    /// Writes the cache in <paramref name="folder"/> under a name no build reads (<see cref="AsideFileName"/>), so it can be
    /// written while the output it describes is still being changed; <see cref="Install"/> then puts it in place.
    /// </summary>
    public void SaveAside(string folder)
    {
        // Each path is written once, in a table; the entries refer to it by number, found as the table is made.
        // Room for the output files and, about one for every two of them on a news site, the articles pages read:
        // sized for the files alone, the table outgrew its room at once (2 MiB left behind at 10,000 articles).
        var room = FileHashes.Count + (FileHashes.Count / 2);
        var table = new List<string>(room);
        var paths = new Dictionary<string, int>(room, StringComparer.Ordinal);
        int NumberOf(string path)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(paths, path, out var known);
            if (!known)
            {
                number = table.Count;
                table.Add(path);
            }

            return number;
        }

        // The files' paths are numbered first, then the pages' (the table's order); plain loops rather than LINQ over the
        // dictionaries' pairs, whose value-type instantiations the JIT would compile at every build. The files are counted
        // as enumerated, not taken from Count: a build's table is a view (BuildFileHashes) that passes over a path it holds
        // no hash for, and the count written must be that of the pairs written.
        var fileCount = 0;
        foreach (var (path, _) in FileHashes)
        {
            NumberOf(path);
            fileCount++;
        }

        foreach (var path in PageFingerprints.Keys)
        {
            NumberOf(path);
        }

        // A page's reads are kept only for a page in the table (one this build wrote or fingerprinted); the paths they name
        // are numbered now, before the table is written.
        using var reads = Reads.Encode(page => paths.TryGetValue(page, out var number) ? number : null, NumberOf);
        EntryFile.Save(Path.Combine(folder, AsideFileName), Magic, FormatVersion, EngineVersion, [this], _ => EntryKey, (writer, cache) =>
        {
            writer.Write(cache.InputFingerprint);
            writer.Write(cache.ValidUntil is not null);
            if (cache.ValidUntil is { } validUntil)
            {
                writer.Write(validUntil.Ticks);
                writer.Write((int)validUntil.Offset.TotalMinutes);
            }

            writer.Write(cache.SiteFingerprint);
            writer.Write7BitEncodedInt(table.Count);
            foreach (var path in table)
            {
                writer.Write(path);
            }

            WriteNumbered(writer, cache.PageFingerprints, cache.PageFingerprints.Count, paths);
            WriteNumbered(writer, cache.FileHashes, fileCount, paths);
            reads.WriteTo(writer);

            writer.Write7BitEncodedInt(cache.OutputFolderRecord.Length);
            writer.Write(cache.OutputFolderRecord);

            CachedDiagnostic.WriteAll(writer, cache.Warnings);
        }, () => []);
    }

    /// <summary>Puts the cache written by <see cref="SaveAside"/> in place, with its summary when the build had no warning.</summary>
    public void Install(string folder)
    {
        File.Move(Path.Combine(folder, AsideFileName), Path.Combine(folder, FileName), overwrite: true);
        var summary = Path.Combine(folder, SummaryFileName);
        if (Warnings.Count == 0)
        {
            var validUntil = ValidUntil?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            File.WriteAllText(summary + ".tmp", $"{FormatVersion} {EngineVersion}\n{InputFingerprint}\n{validUntil}\n");
            File.Move(summary + ".tmp", summary, overwrite: true);
        }
        else if (File.Exists(summary))
        {
            File.Delete(summary);
        }
    }

    /// <summary>
    /// Writes the <paramref name="count"/> pairs of <paramref name="values"/>, each by its path's number in <paramref name="numbers"/>:
    /// straight from the table, with no list of numbered pairs made first (two of 3,500 at 1,000 articles).
    /// </summary>
    private static void WriteNumbered(BinaryWriter writer, IReadOnlyDictionary<string, ContentHash> values, int count, Dictionary<string, int> numbers)
    {
        writer.Write7BitEncodedInt(count);
        foreach (var (path, value) in values)
        {
            writer.Write7BitEncodedInt(numbers[path]);
            writer.Write(value.High);
            writer.Write(value.Low);
        }
    }

    /// <summary>
    /// True when the summary of a build without warnings says its inputs had <paramref name="inputFingerprint"/> and it is
    /// still valid at <paramref name="now"/>: the no-change check, without deserialising the whole cache.
    /// </summary>
    public static bool SummarySaysUpToDate(string folder, string inputFingerprint, DateTimeOffset now)
    {
        try
        {
            var path = Path.Combine(folder, SummaryFileName);
            if (!File.Exists(path))
            {
                return false;
            }

            var lines = File.ReadAllLines(path);
            return lines.Length == 3
                && lines[0] == $"{FormatVersion} {EngineIdentity.Version}"
                && lines[1] == inputFingerprint
                && (lines[2].Length == 0
                    || (DateTimeOffset.TryParseExact(lines[2], "O", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var validUntil) && now < validUntil));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Delete(string folder)
    {
        foreach (var name in new[] { SummaryFileName, SourceStamps.FileName, FileName, LegacyFileName })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
