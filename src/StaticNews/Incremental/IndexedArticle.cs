using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>
/// What one article's search postings were computed from: its URL (which article holds the document id), a fingerprint of
/// the metadata its terms read (<see cref="Search.ArticleTerms.MetadataKeyOf"/>), a fingerprint of its body's HTML, and the
/// body's key in the body cache (where its terms can be found again). The fingerprints are kept as values: every build makes
/// them for every article, and reads the last build's back.
/// </summary>
internal sealed record IndexedArticle(string Url, ContentHash MetadataKey, ContentHash BodyHash, string BodyKey);
