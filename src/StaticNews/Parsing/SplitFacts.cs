namespace StaticNews.Parsing;

/// <summary>
/// What cutting an article file in two found, without the text: where its front matter and body start, and their
/// fingerprints. Kept beside the build cache, so an article unchanged since the last build need not be read to know it.
/// </summary>
internal sealed record SplitFacts(int YamlFirstLine, int BodyFirstLine, int BodyByteOffset, string YamlFingerprint, string BodyFingerprint);
