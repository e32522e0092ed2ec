using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>
/// site.yml read and loaded on a pool thread while the build reads the rest of the site (loading it first loads the YAML
/// library and the time zone data), with its language's calendar: the texts the build cache kept for it
/// (<see cref="CalendarCache"/>), or else the culture's own made ready, since its month names and date patterns come from
/// ICU on first use, 3 to 4 ms that would otherwise fall on the model's first dateline (and its texts taken, for the cache
/// to keep). Taken only when discovery read the same bytes; otherwise the file is loaded again.
/// </summary>
internal sealed class EarlySiteConfig
{
    private readonly PoolWork<(byte[]? Bytes, SiteConfig? Config, DiagnosticBag Diagnostics, CalendarToKeep? CalendarToKeep)> _load;

    private EarlySiteConfig(string sourcePath, string cacheFolder, BuildOptions options)
    {
        _load = ParallelWork.Start(() =>
        {
            var diagnostics = new DiagnosticBag();
            var bytes = ReadSiteConfig(sourcePath);
            var config = bytes is null ? null : SiteConfigLoader.Load(new SourceFile(SiteLayout.SiteConfigFile, bytes), options, diagnostics);
            CalendarToKeep? toKeep = null;
            if (config is not null)
            {
                (config, toKeep) = WithCalendar(config, cacheFolder, options.CultureDataIdentity);
            }

            return (bytes, config, diagnostics, toKeep);
        });
    }

    public static EarlySiteConfig Start(string sourcePath, string cacheFolder, BuildOptions options) => new(sourcePath, cacheFolder, options);

    /// <summary>
    /// The calendar texts taken from the culture of site.yml for the cache to keep; null when the cache already had them, or
    /// nothing identifies the culture data (see <see cref="CalendarCache"/>).
    /// </summary>
    public CalendarToKeep? CalendarToKeep => _load.Result.CalendarToKeep;

    /// <summary>The configuration loaded from <paramref name="siteConfig"/>'s bytes, with its diagnostics added to <paramref name="diagnostics"/>; false when other bytes were loaded.</summary>
    public bool TryTake(SourceFile siteConfig, DiagnosticBag diagnostics, out SiteConfig? config)
    {
        var (bytes, loaded, found, _) = _load.Result;
        if (bytes is null || !siteConfig.Bytes.Span.SequenceEqual(bytes))
        {
            config = null;
            return false;
        }

        foreach (var diagnostic in found.ToSortedList())
        {
            diagnostics.Add(diagnostic);
        }

        config = loaded;
        return true;
    }

    private static (SiteConfig Config, CalendarToKeep? ToKeep) WithCalendar(SiteConfig config, string cacheFolder, string? identity)
    {
        if (identity is not null && CalendarCache.Load(cacheFolder, identity, config.Culture.Name) is { } kept)
        {
            return (config with { KeptCalendar = kept }, null);
        }

        _ = config.Culture.DateTimeFormat.GetMonthName(1);
        return (config, identity is not null && CalendarTexts.Take(config.Culture) is { } taken ? new CalendarToKeep(taken, identity) : null);
    }

    private static byte[]? ReadSiteConfig(string sourcePath)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(Path.GetFullPath(sourcePath), SiteLayout.SiteConfigFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
