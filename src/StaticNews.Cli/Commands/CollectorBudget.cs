using System.Runtime;

namespace StaticNews.Cli.Commands;

/// <summary>
/// Holds the garbage collector off for an incremental build run as its own process. Such a build is short and allocates a
/// about the size of the cache it reads (86 MiB for the 101 MB cache of a 10,000-article site), most of it the site model,
/// which lives to the end: each collection only copies the model from one generation to the next (a one-article edit at
/// 1,000 articles took 156 ms collecting as usual, 96 ms held off; median of 10 alternating). Within <see cref="Of"/> bytes
/// the collector waits. A build that turns out large (site.yml or a template changed, so every page renders again) says so
/// early and the collector resumes (<see cref="End"/>): its peak memory stays what it was. A first build (no cache) is left
/// alone: it allocates gigabytes, and collecting keeps its memory a fifth of Hugo's.
/// </summary>
internal static class CollectorBudget
{
    /// <summary>
    /// Measured: a build that changes a few pages allocates about the cache's size: an edit of one body 0.9 times it at
    /// 10,000 articles and 0.8 at 100,000 (0.8 GiB of a 1 GB cache), a headline fixed up to 1.4 times at both, and at 1,000
    /// articles 22 MiB, within the floor. Whatever the build allocates within the budget stays in memory to its end, on top of
    /// the cache it maps: a budget of three times the cache let an article added at 100,000 articles (3.7 GiB allocated)
    /// peak at 4.5 GiB against a cold build's 3.2, and at 10,000 articles at 471 MiB against 364; one and a half times, at
    /// 2.9 GiB and 369 MiB, in the same time at 10,000 articles and 2 s more at 100,000 (17 to 21 s, collecting for 4 s). The
    /// budget is committed when the hold starts, which costs time with its size too (the hold's start paused 13 ms against 25
    /// at 100,000 articles).
    /// </summary>
    private const int CacheHalves = 3;

    /// <summary>Room above the cache's multiple for what every build allocates whatever the site's size (templates, feeds).</summary>
    private const long HeadroomBytes = 32L << 20;

    private const long MinBytes = 64L << 20;

    /// <summary>The budget for a build that reads <paramref name="cacheBytes"/> of cache, on a machine with <paramref name="availableBytes"/> of memory; 0 for none.</summary>
    public static long Of(long cacheBytes, long availableBytes) =>
        cacheBytes <= 0 ? 0 : Math.Min(Math.Max((cacheBytes * CacheHalves / 2) + HeadroomBytes, MinBytes), availableBytes / 4);

    /// <summary>
    /// Holds the collector off for a build that reads <paramref name="cacheBytes"/> of cache, and returns the budget (0 when
    /// it does not). Left in place when the build ends: the process ends with it, and ending the hold would only have the
    /// next allocation collect all the build's garbage (0.2 s at 10,000 articles) just before the process exits.
    /// </summary>
    public static long Start(long cacheBytes)
    {
        var bytes = Of(cacheBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        try
        {
            return bytes > 0 && GC.TryStartNoGCRegion(bytes) ? bytes : 0;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Larger than this runtime allows, or already held off: the build collects as usual.
            return 0;
        }
    }

    /// <summary>Lets the collector work again: the build turned out large, and would otherwise pile up its whole budget in garbage.</summary>
    public static void End()
    {
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
        catch (InvalidOperationException)
        {
            // The build already went past the budget, and the collector resumed on its own.
        }
    }
}
