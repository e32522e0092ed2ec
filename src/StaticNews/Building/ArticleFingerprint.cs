using StaticNews.Discovery;

namespace StaticNews.Building;

/// <summary>
/// Fingerprints of an article's two halves, its front matter's text (what listings and other pages show of it) and its body
/// as rendered (the hash of its HTML: what the pages reading its body, word count or reading time show, the titles of the
/// articles it links to and its dateline included), and of its byline: the files of its authors, whose names, roles, bios
/// and links every page showing the article may show (<see cref="SiteModel.AuthorFingerprints"/>; none when it has none).
/// </summary>
public readonly record struct ArticleFingerprint(string FrontMatter, ContentHash Body, ContentHash Byline);
