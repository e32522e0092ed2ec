using System.Text.Json;

namespace StaticNews.Incremental;

/// <summary>
/// What the last successful build left beside its output: a fingerprint of all its inputs, one per page, and a hash of every
/// file written. Only an optimisation: a missing, corrupt or foreign cache means a cold build, never a wrong site.
/// </summary>
internal sealed record BuildCache
{
    public const string FileName = "build-cache.json";

    /// <summary>
    /// A few lines beside the cache (format and engine version, input fingerprint, valid-until), written when the build had no
    /// warning: enough to tell that nothing changed without reading the whole cache.
    /// </summary>
    public const string SummaryFileName = "up-to-date.txt";

    /// <summary>Changes whenever the cache's meaning changes; a cache of another version is ignored.</summary>
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    /// <summary>The engine build that wrote the cache: another StaticNews version may render differently.</summary>
    public required string EngineVersion { get; init; }

    public required string InputFingerprint { get; init; }

    /// <summary>When the same inputs stop giving the same site: a scheduled article appears, an article expires, the news window moves.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    public required string SiteFingerprint { get; init; }

    public Dictionary<string, string> PageFingerprints { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> FileHashes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The warnings of that build, printed again when nothing changed so CI logs keep showing them.</summary>
    public List<CachedDiagnostic> Warnings { get; init; } = [];

    public static BuildCache? Load(string folder)
    {
        try
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            var cache = JsonSerializer.Deserialize(stream, BuildCacheJsonContext.Default.BuildCache);
            return cache is { Version: FormatVersion } && cache.EngineVersion == EngineIdentity.Version ? cache : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, this, BuildCacheJsonContext.Default.BuildCache);
        }

        File.Move(temporary, path, overwrite: true);
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
        foreach (var name in new[] { SummaryFileName, FileName })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
