namespace StaticNews.Search;

/// <summary>One token in one article: the fields it appears in and its word positions in the body (for quoted phrases).</summary>
public sealed record SearchPosting(int DocumentId, SearchField Fields, IReadOnlyList<int> BodyPositions);
