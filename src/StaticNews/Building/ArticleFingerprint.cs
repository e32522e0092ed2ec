namespace StaticNews.Building;

/// <summary>Fingerprints of an article's two halves: what listings and other pages show (front matter) and what only its own page shows (body).</summary>
public sealed record ArticleFingerprint(string FrontMatter, string Body);
