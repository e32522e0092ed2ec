using System.Buffers;
using Markdig;
using Markdig.Extensions.Abbreviations;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticNews.Diagnostics;

namespace StaticNews.Parsing;

/// <summary>Parses a document's Markdown body with the build's pipeline, refusing nesting deep enough to exhaust the stack.</summary>
public static class MarkdownBody
{
    /// <summary>What a bare link starts with, in any case (http, https and ftp by their "://").</summary>
    private static readonly SearchValues<string> BareLinkStarts = SearchValues.Create(["://", "www.", "mailto:", "tel:"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Like <see cref="Parse(ParsedDocument, MarkdownPipeline, bool, DiagnosticBag)"/>, through <paramref name="lean"/>
    /// (<see cref="MarkdownPipelines.CreateLean"/>) unless the body needs what only <paramref name="pipeline"/> has: a heading
    /// label (only a bracket that a label could have turned into a link stays text without them, so a body with a heading and
    /// such a bracket needs them) or a bare link (only text holding the start of one can, so a body whose text holds "://",
    /// "www.", "mailto:" or "tel:", or that defines abbreviations, which take text apart after links are found, needs it).
    /// Such a body is parsed again with <paramref name="pipeline"/>. <paramref name="used"/> is the pipeline that gave the
    /// tree (render with it).
    /// </summary>
    public static MarkdownDocument? Parse(ParsedDocument document, MarkdownPipeline pipeline, MarkdownPipeline lean, bool allowRawHtml, DiagnosticBag diagnostics, out MarkdownPipeline used)
    {
        var found = new DiagnosticBag();
        var body = Parse(document, lean, allowRawHtml, found);
        if (body is not null && NeedsFullPipeline(body))
        {
            used = pipeline;
            return Parse(document, pipeline, allowRawHtml, diagnostics);
        }

        foreach (var diagnostic in found.ToSortedList())
        {
            diagnostics.Add(diagnostic);
        }

        used = lean;
        return body;
    }

    /// <summary>
    /// Whether the lean parse may differ from the full one, its text walked once: text left as text holds what a bare link
    /// starts with (in any case), or the body defines abbreviations; or it has a heading and a bracket left as text, which a
    /// heading's label might have made a link.
    /// </summary>
    private static bool NeedsFullPipeline(MarkdownDocument body)
    {
        if (body.HasAbbreviations())
        {
            return true;
        }

        var bracketLeft = false;
        foreach (var literal in body.Descendants<LiteralInline>())
        {
            var text = literal.Content.AsSpan();
            if (text.ContainsAny(BareLinkStarts))
            {
                return true;
            }

            bracketLeft |= text.Contains('[');
        }

        return bracketLeft && body.Descendants<HeadingBlock>().Any();
    }

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
