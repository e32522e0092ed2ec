namespace StaticNews.Model;

/// <summary>Where a listing page stands among its siblings. Page 1 has no '/page/N/' suffix.</summary>
public sealed record Pager
{
    public required int PageNumber { get; init; }
    public required int PageCount { get; init; }
    public required int TotalItems { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public required string FirstUrl { get; init; }
    public IReadOnlyList<PagerLink> Pages { get; init; } = [];

    public bool HasPrevious => PreviousUrl is not null;
    public bool HasNext => NextUrl is not null;
}
