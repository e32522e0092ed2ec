namespace StaticNews.Tests.Infrastructure;

/// <summary>What the incremental-build tests look at: an incremental output against a cold build's, and when each file was written.</summary>
public static class IncrementalChecks
{
    /// <summary>
    /// Builds the same sources cold (no cache) beside the site, with the options <paramref name="configure"/> gives (the
    /// incremental build's clock, say), and asserts the incremental output is byte for byte the same.
    /// </summary>
    public static async Task AssertSameAsColdBuildAsync(TempSite site, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var cold = Path.Combine(site.Parent, "cold");
        if (Directory.Exists(cold))
        {
            Directory.Delete(cold, recursive: true);
        }

        await site.BuildAsync(o => (configure?.Invoke(o) ?? o) with { OutputPath = cold, Incremental = false });
        Assert.Equal(Snapshotting.Folder(cold), Snapshotting.Folder(site.DefaultOutput));
    }

    /// <summary>Each file of <paramref name="folder"/> (relative path) with its last write time.</summary>
    public static Dictionary<string, DateTime> WriteTimes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc, StringComparer.Ordinal);

    /// <summary>The site's files (relative paths) written since <paramref name="before"/> was taken, the output's own marker apart.</summary>
    public static List<string> Rewritten(Dictionary<string, DateTime> before, Dictionary<string, DateTime> after) =>
        [.. after.Where(file => !before.TryGetValue(file.Key, out var time) || time != file.Value).Select(file => file.Key).Where(path => !path.StartsWith(".staticnews", StringComparison.Ordinal))];
}
