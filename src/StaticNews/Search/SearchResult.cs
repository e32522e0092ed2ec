namespace StaticNews.Search;

public sealed record SearchResult(SearchDocument Document, int Score);
