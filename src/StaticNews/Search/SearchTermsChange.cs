namespace StaticNews.Search;

/// <summary>
/// An article whose search terms or search result may have changed since the previous build: its document id, its terms then
/// and now, and whether its metadata changed (so its result, and the document chunk holding it).
/// </summary>
internal sealed record SearchTermsChange(int Id, ArticleTerms Before, ArticleTerms After, bool MetadataChanged);
