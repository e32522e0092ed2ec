using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>
/// site.yml read and loaded on a pool thread while the build reads the rest of the site (loading it first loads the YAML
/// library and the time zone data), and its language's calendar made ready: the month names and date patterns come from
/// ICU on first use, 4 ms that would otherwise fall on the model's first dateline. Taken only when discovery read the same
/// bytes; otherwise the file is loaded again.
/// </summary>
internal sealed class EarlySiteConfig
{
    private readonly PoolWork<(byte[]? Bytes, SiteConfig? Config, DiagnosticBag Diagnostics)> _load;

    private EarlySiteConfig(string sourcePath, BuildOptions options)
    {
        _load = ParallelWork.Start(() =>
        {
            var diagnostics = new DiagnosticBag();
            var bytes = ReadSiteConfig(sourcePath);
            var config = bytes is null ? null : SiteConfigLoader.Load(new SourceFile(SiteLayout.SiteConfigFile, bytes), options, diagnostics);
            _ = config?.Culture.DateTimeFormat.GetMonthName(1);
            return (bytes, config, diagnostics);
        });
    }

    public static EarlySiteConfig Start(string sourcePath, BuildOptions options) => new(sourcePath, options);

    /// <summary>The configuration loaded from <paramref name="siteConfig"/>'s bytes, with its diagnostics added to <paramref name="diagnostics"/>; false when other bytes were loaded.</summary>
    public bool TryTake(SourceFile siteConfig, DiagnosticBag diagnostics, out SiteConfig? config)
    {
        var (bytes, loaded, found) = _load.Result;
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
