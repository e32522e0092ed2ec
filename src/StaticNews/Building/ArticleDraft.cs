using System.Collections.ObjectModel;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>An article's front matter read and checked on its own, before references to other files are resolved.</summary>
internal sealed record ArticleDraft
{
    /// <summary>The file it was read from: its front matter's text, and its body's fingerprint and bytes.</summary>
    public required SourceSplit Source { get; init; }
    public required string Slug { get; init; }
    public required SourceLocation SlugLocation { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Date { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public IReadOnlyList<(string Value, SourceLocation Location)> AuthorIds { get; init; } = [];
    public (string Value, SourceLocation Location)? CategoryPath { get; init; }
    public IReadOnlyList<(string Value, SourceLocation Location)> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public string? Location { get; init; }
    public Image? Image { get; init; }
    public bool Draft { get; init; }
    public bool Breaking { get; init; }

    /// <summary>Slugs from 'related', the editor's picks.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> Related { get; init; } = [];
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Extras { get; init; } = ReadOnlyDictionary<string, object?>.Empty;

    public string Path => Source.File.Path;
}
