using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Parsing;

/// <summary>
/// An article file cut in two by <see cref="ContentParser.SplitSource"/>: the front matter as text, and of the body only a
/// fingerprint and where it starts. The body's text is decoded from the file's bytes when it is rendered, so a build does not
/// hold every article's Markdown as text, and a body taken from the build cache is never decoded. An article unchanged since
/// the last build is split from what that build found (<see cref="SplitFacts"/>): its file is read only when its front
/// matter's text or its body is asked for.
/// </summary>
internal sealed class SourceSplit
{
    private string? _yaml;

    public SourceSplit(SourceFile file, string yaml, int yamlFirstLine, int bodyFirstLine, string bodyFingerprint, int bodyByteOffset)
        : this(file, new SplitFacts(yamlFirstLine, bodyFirstLine, bodyByteOffset, Fingerprint.OfText(yaml), bodyFingerprint))
    {
        _yaml = yaml;
    }

    /// <summary>The split of a file whose facts are known from an earlier build: the front matter's text is read on first use.</summary>
    public SourceSplit(SourceFile file, SplitFacts facts)
    {
        File = file;
        Facts = facts;
    }

    public SourceFile File { get; }

    public SplitFacts Facts { get; }

    /// <summary>The front matter's text (without its fences).</summary>
    public string Yaml => _yaml ??= ContentParser.ReadSplit(File, new DiagnosticBag())?.Yaml ?? string.Empty;

    public int YamlFirstLine => Facts.YamlFirstLine;

    public int BodyFirstLine => Facts.BodyFirstLine;

    public string BodyFingerprint => Facts.BodyFingerprint;

    /// <summary>A fingerprint of the front matter's text.</summary>
    public string YamlFingerprint => Facts.YamlFingerprint;

    /// <summary>The body's Markdown, equal to what <see cref="ContentParser.Split"/> gives for the same file.</summary>
    public string ReadBody() => Facts.BodyByteOffset >= 0
        ? Encoding.UTF8.GetString(File.Bytes.Span[Facts.BodyByteOffset..])
        : ContentParser.Split(File, new DiagnosticBag())?.Body ?? string.Empty;
}
