using StaticNews.Incremental;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>
/// An article body rendered to HTML, with the diagnostics the render reported and the articles it looked up: all a later
/// build needs to reuse it instead of rendering the Markdown again.
/// </summary>
internal sealed record RenderedBody(string Key, string Html, IReadOnlyList<CachedDiagnostic> Diagnostics, IReadOnlyList<BodyLink> Links)
{
    /// <summary>What the render reads from its own file: the path and first line (diagnostic locations), the Markdown and the dateline.</summary>
    public static string KeyOf(ParsedDocument document, string? dateline) =>
        new Fingerprint().Add(document.Path).Add(document.BodyFirstLine).Add(document.BodyText).Add(dateline).Finish();
}
