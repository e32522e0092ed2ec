namespace StaticNews.Tests.Infrastructure;

/// <summary>The repository's sample newsroom (site/) built once into a temporary folder, shared by the tests of a class.</summary>
public sealed class SampleSiteBuild : IAsyncLifetime
{
    public const string SubPathBaseUrl = "https://example.org/news/";

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The output folder of a build with the site's own base URL.</summary>
    public string Output => Path.Combine(_parent, "root");

    /// <summary>The output folder of a build served under /news/.</summary>
    public string SubPathOutput => Path.Combine(_parent, "news");

    public BuildResult Result { get; private set; } = null!;

    public BuildResult SubPathResult { get; private set; } = null!;

    /// <summary>Every HTML page of <see cref="Output"/>, relative path (with '/') to text, sorted.</summary>
    public IReadOnlyList<(string Path, string Html)> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var source = Path.Combine(TestSites.RepositoryRoot, "site");
        var clock = new FixedClock(FixedClock.DefaultNow);
        Result = await SiteGenerator.BuildAsync(new BuildOptions { SourcePath = source, OutputPath = Output, Clock = clock });
        SubPathResult = await SiteGenerator.BuildAsync(new BuildOptions { SourcePath = source, OutputPath = SubPathOutput, BaseUrl = SubPathBaseUrl, Clock = clock });
        Pages = ReadPages(Output);
    }

    public static IReadOnlyList<(string Path, string Html)> ReadPages(string root) =>
        [.. Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)];

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}
