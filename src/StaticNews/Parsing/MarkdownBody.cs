using Markdig;
using Markdig.Syntax;
using StaticNews.Diagnostics;

namespace StaticNews.Parsing;

/// <summary>Parses a document's Markdown body with the build's one pipeline, refusing nesting deep enough to exhaust the stack.</summary>
public static class MarkdownBody
{
    /// <summary>The body's syntax tree, or null (with a diagnostic) when it nests too deeply. With <paramref name="allowRawHtml"/> false, raw HTML becomes escaped text and each occurrence is a warning.</summary>
    public static MarkdownDocument? Parse(ParsedDocument document, MarkdownPipeline pipeline, bool allowRawHtml, DiagnosticBag diagnostics)
    {
        if (MarkdownNesting.ExceedsMaxDepth(document.BodyText, out var deepLine))
        {
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(document.Path, document.BodyFirstLine + deepLine - 1, 1), MarkdownNesting.MaxDepth);
            return null;
        }

        MarkdownDocument body;
        try
        {
            body = Markdown.Parse(document.BodyText, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses inline nesting past its own limit (e.g. thousands of '*' or '['); the line is not known.
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(document.Path, document.BodyFirstLine, 1), MarkdownNesting.MaxDepth);
            return null;
        }

        if (MarkdownNesting.ExceedsMaxDepth(body, out var deepest))
        {
            diagnostics.Report(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(document.Path, document.BodyFirstLine + Math.Max(deepest!.Line, 0), deepest.Column + 1), MarkdownNesting.MaxDepth);
            return null;
        }

        if (!allowRawHtml)
        {
            RawHtmlEscaper.Escape(body, document.Path, document.BodyFirstLine, diagnostics);
        }

        return body;
    }
}
