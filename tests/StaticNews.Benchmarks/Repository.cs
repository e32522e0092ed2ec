namespace StaticNews.Benchmarks;

/// <summary>The clone of the repository the benchmark runs from: where the CLI's project and the default theme are.</summary>
internal static class Repository
{
    /// <summary>The folder holding StaticNews.sln above the benchmark's own.</summary>
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "StaticNews.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from a clone of the repository (StaticNews.sln was not found above it).");
    }
}
