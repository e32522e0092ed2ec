using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Rendering;

/// <summary>
/// What a template that parsed reads, assigns and includes (<see cref="PartialAnalyzer"/>), with the hash of the text it was
/// found in: a build keeps these in its cache, and the next build takes them for each template whose text has that hash.
/// </summary>
internal sealed record AnalysedTemplate(ContentHash TextHash, PartialFacts Facts)
{
    public static ContentHash HashOf(string text) => new Fingerprint().Add(text).FinishHash();
}
