using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Discovery;

namespace StaticNews.Parsing;

/// <summary>
/// An article file cut in two by <see cref="ContentParser.SplitSource"/>: the front matter as text, and of the body only a
/// fingerprint and where it starts. The body's text is decoded from the file's bytes when it is rendered, so a build does not
/// hold every article's Markdown as text, and a body taken from the build cache is never decoded.
/// </summary>
internal sealed record SourceSplit(SourceFile File, string Yaml, int YamlFirstLine, int BodyFirstLine, string BodyFingerprint, int BodyByteOffset)
{
    /// <summary>The body's Markdown, equal to what <see cref="ContentParser.Split"/> gives for the same file.</summary>
    public string ReadBody() => BodyByteOffset >= 0
        ? Encoding.UTF8.GetString(File.Bytes.Span[BodyByteOffset..])
        : ContentParser.Split(File, new DiagnosticBag())?.Body ?? string.Empty;
}
