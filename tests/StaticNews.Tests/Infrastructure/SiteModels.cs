using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Tests.Infrastructure;

/// <summary>A test site's sources and model, made in process as a build without caches makes them.</summary>
internal static class SiteModels
{
    /// <summary>The site's sources and model, and the diagnostics so far.</summary>
    public static async Task<(SourceSet Sources, SiteModel Model, DiagnosticBag Diagnostics)> OfAsync(TempSite site)
    {
        var diagnostics = new DiagnosticBag();
        var sources = await SiteDiscoverer.DiscoverAsync(site.Root, diagnostics);
        return (sources, SiteBuilder.Build(sources, site.Options(), diagnostics, ArticleCaches.Disabled())!, diagnostics);
    }
}
