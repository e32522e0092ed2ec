namespace StaticNews.Benchmarks;

/// <summary>One generated article, laid out the same way for StaticNews and for Hugo.</summary>
internal sealed record SyntheticArticle(
    string Slug,
    string Title,
    DateTimeOffset Date,
    string TopCategory,
    string SubCategory,
    IReadOnlyList<string> AuthorIds,
    IReadOnlyList<string> Tags,
    string Summary,
    string Location,
    string? AlsoRead,
    IReadOnlyList<string> BodyBlocks);
