namespace StaticNews.Discovery;

/// <summary>Everything a build reads, gathered in one pass over the site folder and the embedded theme.</summary>
public sealed record SourceSet
{
    public required string RootPath { get; init; }
    public SourceFile? SiteConfig { get; init; }
    public SourceFile? Categories { get; init; }
    public IReadOnlyList<SourceFile> Articles { get; init; } = [];
    public IReadOnlyList<SourceFile> Authors { get; init; } = [];
    public IReadOnlyDictionary<string, SourceFile> Data { get; init; } = new Dictionary<string, SourceFile>();
    public IReadOnlyList<StaticFile> StaticFiles { get; init; } = [];
    public IReadOnlyDictionary<string, ThemeTemplate> Templates { get; init; } = new Dictionary<string, ThemeTemplate>();
}
