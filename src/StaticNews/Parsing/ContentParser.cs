using StaticNews.Diagnostics;
using StaticNews.Discovery;
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
        switch (split.Status)
        {
            case FrontMatterStatus.Missing:
                diagnostics.Report(DiagnosticCodes.FrontMatterMissing, new SourceLocation(file.Path, 1, 1));
                return null;
            case FrontMatterStatus.Unclosed:
                diagnostics.Report(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(file.Path, 1, 1));
                return null;
            default:
                return split;
        }
    }
}
