namespace StaticNews.Incremental;

/// <summary>
/// What one article's search postings were computed from: its URL (which article holds the document id), a fingerprint of
/// the metadata its terms read (<see cref="Search.ArticleTerms.MetadataKeyOf"/>), a fingerprint of its body's HTML, and the
/// body's key in the body cache (where its terms can be found again).
/// </summary>
internal sealed record IndexedArticle(string Url, string MetadataKey, string BodyHash, string BodyKey);
