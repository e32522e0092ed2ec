using System.Buffers;
using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Text;

namespace StaticNews.Parsing;

/// <summary>Stage 2: decodes a content file and splits off its front matter.</summary>
public static class ContentParser
{
    /// <summary>
    /// Decodes one file and parses its front matter. The Markdown body is kept as text and parsed by <see cref="MarkdownBody"/>
    /// when it is rendered, so a build never holds every article's syntax tree at once.
    /// </summary>
    public static ParsedDocument? Parse(SourceFile file, DiagnosticBag diagnostics)
    {
        if (Split(file, diagnostics) is not { } split)
        {
            return null;
        }

        var yaml = YamlLoader.Load(file.Path, split.Yaml, split.YamlFirstLine, diagnostics);
        if (yaml.Root is null)
        {
            return null;
        }

        return new ParsedDocument(file.Path, yaml, split.BodyFirstLine, split.Body);
    }

    /// <summary>Decodes one file and cuts off its front matter, without parsing the YAML. Null (and a diagnostic) when either fails.</summary>
    public static FrontMatterSplit? Split(SourceFile file, DiagnosticBag diagnostics)
    {
        var decoded = SourceText.Decode(file.Bytes.Span);
        if (decoded.Error is { } error)
        {
            diagnostics.Report(error.Descriptor, SourceLocation.File(file.Path), error.Args);
            return null;
        }

        var split = FrontMatterSplitter.Split(decoded.Text);
        return IsUsable(split.Status, file, diagnostics) ? split : null;
    }

    /// <summary>
    /// What <see cref="Split"/> finds, without making text of the body: it is decoded into a pooled buffer, fingerprinted, and
    /// left in the file's bytes (see <see cref="SourceSplit.ReadBody"/>). Null (and a diagnostic) when decoding or splitting fails.
    /// </summary>
    internal static SourceSplit? SplitSource(SourceFile file, DiagnosticBag diagnostics) =>
        file.Unchanged is { } unchanged ? new SourceSplit(file, unchanged.Split) : ReadSplit(file, diagnostics);

    /// <summary><see cref="SplitSource"/> from the file's bytes, even for a file whose split is known from the last build.</summary>
    internal static SourceSplit? ReadSplit(SourceFile file, DiagnosticBag diagnostics)
    {
        var bytes = file.Bytes.Span;
        if (SourceText.Check(bytes, out var byteOrderMark) is { } error)
        {
            diagnostics.Report(error.Descriptor, SourceLocation.File(file.Path), error.Args);
            return null;
        }

        var content = bytes[byteOrderMark..];
        var buffer = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            var length = Encoding.UTF8.GetChars(content, buffer);
            var newlinesChanged = buffer.AsSpan(0, length).Contains('\r');
            if (newlinesChanged)
            {
                length = SourceText.NormalizeNewlines(buffer.AsSpan(0, length));
            }

            var text = buffer.AsSpan(0, length);
            var bounds = FrontMatterSplitter.Find(text);
            if (!IsUsable(bounds.Status, file, diagnostics))
            {
                return null;
            }

            var body = text[bounds.BodyStart..];
            var bodyByteOffset = newlinesChanged ? -1 : byteOrderMark + Encoding.UTF8.GetByteCount(text[..bounds.BodyStart]);
            return new SourceSplit(file, new string(text[bounds.Yaml]), bounds.YamlFirstLine, bounds.BodyFirstLine, Fingerprint.OfText(body), bodyByteOffset);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsUsable(FrontMatterStatus status, SourceFile file, DiagnosticBag diagnostics)
    {
        switch (status)
        {
            case FrontMatterStatus.Missing:
                diagnostics.Report(DiagnosticCodes.FrontMatterMissing, new SourceLocation(file.Path, 1, 1));
                return false;
            case FrontMatterStatus.Unclosed:
                diagnostics.Report(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(file.Path, 1, 1));
                return false;
            default:
                return true;
        }
    }
}
