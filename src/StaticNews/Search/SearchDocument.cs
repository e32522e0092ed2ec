namespace StaticNews.Search;

/// <summary>What a search result shows: one article's metadata. Its id is its place in the newest-first article list, so a lower id is newer.</summary>
public sealed record SearchDocument(int Id, string Url, string Title, string Summary, string Date, string DateText, IReadOnlyList<string> Authors, string Category, IReadOnlyList<string> Tags);
