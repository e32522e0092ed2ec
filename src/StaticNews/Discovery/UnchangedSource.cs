using StaticNews.Parsing;

namespace StaticNews.Discovery;

/// <summary>
/// An article file whose size and time stamp are those the last build saw: the hash of its bytes and how it was cut in two,
/// as that build found them.
/// </summary>
internal sealed record UnchangedSource(ContentHash ContentHash, SplitFacts Split);
