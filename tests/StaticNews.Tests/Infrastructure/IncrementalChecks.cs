namespace StaticNews.Tests.Infrastructure;

/// <summary>What the incremental-build tests look at: an incremental output against a cold build's, and when each file was written.</summary>
public static class IncrementalChecks
{
    /// <summary>Builds the same sources cold (no cache) beside the site and asserts the incremental output is byte for byte the same.</summary>
    public static async Task AssertSameAsColdBuildAsync(TempSite site)
    {
        var cold = Path.Combine(site.Parent, "cold");
        if (Directory.Exists(cold))
        {
            Directory.Delete(cold, recursive: true);
        }

        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });
        Assert.Equal(Snapshotting.Folder(cold), Snapshotting.Folder(site.DefaultOutput));
    }

    /// <summary>Each file of <paramref name="folder"/> (relative path) with its last write time.</summary>
    public static Dictionary<string, DateTime> WriteTimes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc, StringComparer.Ordinal);
}
