using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticNews.Diagnostics;

namespace StaticNews.Parsing;

/// <summary>
/// For sites that set <c>markdown_raw_html: false</c>: every raw HTML block and inline tag in a parsed body becomes literal
/// text (escaped when rendered), and a warning names where it was. Links to script URLs (javascript:, data:, …) are
/// emptied for the same reason: they run code as raw HTML would.
/// </summary>
public static class RawHtmlEscaper
{
    private const int MaxQuotedLength = 60;

    public static void Escape(MarkdownDocument body, string path, int bodyFirstLine, DiagnosticBag diagnostics)
    {
        // Collected first: the tree is changed while replacing.
        var blocks = body.Descendants<HtmlBlock>().ToList();
        var inlines = body.Descendants<HtmlInline>().ToList();
        foreach (var link in body.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !url.StartsWith("ref:", StringComparison.Ordinal) && !Building.UrlRules.IsSafeLink(url))
            {
                diagnostics.Report(DiagnosticCodes.UnsafeLinkRemoved, new SourceLocation(path, bodyFirstLine + link.Line, link.Column + 1), url);
                link.Url = "#";
            }
        }

        foreach (var autolink in body.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !Building.UrlRules.IsSafeLink(autolink.Url))
            {
                diagnostics.Report(DiagnosticCodes.UnsafeLinkRemoved, new SourceLocation(path, bodyFirstLine + autolink.Line, autolink.Column + 1), autolink.Url);
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        foreach (var block in blocks)
        {
            var text = block.Lines.ToString();
            Report(text, block.Line, block.Column, path, bodyFirstLine, diagnostics);
            var paragraph = new ParagraphBlock { Line = block.Line, Column = block.Column, Span = block.Span };
            paragraph.Inline = new ContainerInline().AppendChild(new LiteralInline(text));
            var parent = block.Parent!;
            var index = parent.IndexOf(block);
            parent.RemoveAt(index);
            parent.Insert(index, paragraph);
        }

        foreach (var inline in inlines)
        {
            Report(inline.Tag, inline.Line, inline.Column, path, bodyFirstLine, diagnostics);
            inline.ReplaceBy(new LiteralInline(inline.Tag) { Line = inline.Line, Column = inline.Column, Span = inline.Span });
        }
    }

    private static void Report(string html, int line, int column, string path, int bodyFirstLine, DiagnosticBag diagnostics)
    {
        var firstLine = html.Split('\n')[0].Trim();
        var quoted = firstLine.Length > MaxQuotedLength ? firstLine[..MaxQuotedLength] + "…" : firstLine;
        diagnostics.Report(DiagnosticCodes.RawHtmlEscaped, new SourceLocation(path, bodyFirstLine + line, column + 1), quoted);
    }
}
