using StaticNews.Discovery;

namespace StaticNews.Building;

/// <summary>
/// Fingerprints of an article's two halves, its front matter's text (what listings and other pages show of it) and its body
/// as rendered (the hash of its HTML: what the pages reading its body, word count or reading time show, the titles of the
/// articles it links to and its dateline included), and of its byline: the files of its authors, whose names, roles, bios
/// and links its own page, the listings holding it and its feeds show (<see cref="SiteModel.AuthorFingerprints"/>).
/// </summary>
public readonly record struct ArticleFingerprint(string FrontMatter, ContentHash Body, ContentHash Byline);
