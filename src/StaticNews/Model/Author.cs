namespace StaticNews.Model;

/// <summary>A writer, from authors/ID.md: front matter for the facts, Markdown body for the bio.</summary>
public sealed record Author
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Role { get; init; }
    public string? Website { get; init; }
    public string? Avatar { get; init; }
    public IReadOnlyList<SocialLink> Social { get; init; } = [];
    public TrustedHtml Bio { get; init; } = TrustedHtml.Empty;
    public required string Url { get; init; }
    public required string SourcePath { get; init; }
}
