using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// The build cache and the article caches, loaded on a pool thread while the build reads the site. The article caches
/// depend on site.yml's bytes, read here on their own: when discovery reads other bytes (the file was edited meanwhile),
/// they are loaded again for those.
/// </summary>
internal sealed class EarlyCacheLoad
{
    private readonly string _cacheFolder;
    private readonly string? _baseUrl;
    private readonly PoolWork<(BuildCache? Cache, byte[]? SiteConfig, ArticleCaches? Caches)> _load;

    private EarlyCacheLoad(string cacheFolder, string sourcePath, string? baseUrl)
    {
        _cacheFolder = cacheFolder;
        _baseUrl = baseUrl;
        _load = ParallelWork.Start(() =>
        {
            var cache = BuildCache.Load(cacheFolder);
            var siteConfig = ReadSiteConfig(sourcePath);
            return (cache, siteConfig, siteConfig is null ? null : ArticleCaches.Load(cacheFolder, siteConfig, baseUrl));
        });
    }

    public static EarlyCacheLoad Start(string cacheFolder, string sourcePath, string? baseUrl) => new(cacheFolder, sourcePath, baseUrl);

    /// <summary>The build cache, or null when there is none usable.</summary>
    public BuildCache? BuildCache => _load.Result.Cache;

    /// <summary>The article caches for <paramref name="siteConfig"/>, the site.yml the build read.</summary>
    public ArticleCaches ArticleCachesFor(SourceFile siteConfig)
    {
        var (_, readHere, caches) = _load.Result;
        return caches is not null && siteConfig.Bytes.Span.SequenceEqual(readHere)
            ? caches
            : ArticleCaches.Load(_cacheFolder, siteConfig.Bytes.Span, _baseUrl);
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
