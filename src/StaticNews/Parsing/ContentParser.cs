using Markdig;
using Markdig.Syntax;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Text;

namespace StaticNews.Parsing;

/// <summary>Stage 2: decodes a content file, splits off its front matter, parses both halves once.</summary>
public static class ContentParser
{
    /// <summary>Parses one file. With <paramref name="allowRawHtml"/> false, raw HTML in the body becomes escaped text and each occurrence is a warning.</summary>
    public static ParsedDocument? Parse(SourceFile file, MarkdownPipeline pipeline, DiagnosticBag diagnostics, bool allowRawHtml = true)
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

        if (MarkdownNesting.ExceedsMaxDepth(split.Body, out var deepLine))
        {
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(file.Path, split.BodyFirstLine + deepLine - 1, 1), MarkdownNesting.MaxDepth);
            return null;
        }

        MarkdownDocument body;
        try
        {
            body = Markdown.Parse(split.Body, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses inline nesting past its own limit (e.g. thousands of '*' or '['); the line is not known.
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(file.Path, split.BodyFirstLine, 1), MarkdownNesting.MaxDepth);
            return null;
        }

        if (MarkdownNesting.ExceedsMaxDepth(body, out var deepest))
        {
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(file.Path, split.BodyFirstLine + Math.Max(deepest!.Line, 0), deepest.Column + 1), MarkdownNesting.MaxDepth);
            return null;
        }

        if (!allowRawHtml)
        {
            RawHtmlEscaper.Escape(body, file.Path, split.BodyFirstLine, diagnostics);
        }

        return new ParsedDocument(file.Path, yaml, body, split.BodyFirstLine, split.Body);
    }
}
