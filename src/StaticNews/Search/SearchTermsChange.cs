namespace StaticNews.Search;

/// <summary>An article whose search terms changed since the previous build: its document id, and its terms then and now.</summary>
internal sealed record SearchTermsChange(int Id, ArticleTerms Before, ArticleTerms After);
