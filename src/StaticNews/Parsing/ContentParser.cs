using Markdig;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Text;

namespace StaticNews.Parsing;

/// <summary>Stage 2: decodes a content file, splits off its front matter, parses both halves once.</summary>
public static class ContentParser
{
    public static ParsedDocument? Parse(SourceFile file, MarkdownPipeline pipeline, DiagnosticBag diagnostics)
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
        }

        var yaml = YamlLoader.Load(file.Path, split.Yaml, split.YamlFirstLine, diagnostics);
        if (yaml.Root is null)
        {
            return null;
        }

        var body = Markdown.Parse(split.Body, pipeline);
        return new ParsedDocument(file.Path, yaml, body, split.BodyFirstLine, split.Body);
    }
}
