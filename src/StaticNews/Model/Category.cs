namespace StaticNews.Model;

/// <summary>A node of the category tree. It names its parent by path; its children are whole nodes, so the tree has no cycles.</summary>
public sealed record Category
{
    /// <summary>Slugs from the root joined by '/', e.g. "diplomatic-news/diplomacy".</summary>
    public required string Path
    {
        get;
        init
        {
            field = value;
            TopPath = value.IndexOf('/', StringComparison.Ordinal) is var end and >= 0 ? value[..end] : value;
        }
    }

    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = string.Empty;
    public string? ParentPath { get; init; }
    /// <summary>
    /// The path of the top-level category this one lies in: its own at the top, "diplomatic-news" for "diplomatic-news/diplomacy".
    /// Set with <see cref="Path"/>, once per category: the home page's sections and the ':section' permalink read it for every article.
    /// </summary>
    public string TopPath { get; private init; } = string.Empty;
    public IReadOnlyList<Category> Children { get; init; } = [];
    public required string Url { get; init; }
    public int Depth { get; init; }
}
