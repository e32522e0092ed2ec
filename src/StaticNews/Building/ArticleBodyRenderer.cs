using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticNews.Diagnostics;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Parsing;
using StaticNews.Search;
using StaticNews.Text;

namespace StaticNews.Building;

/// <summary>
/// Renders a Markdown body to HTML once the slug index exists: shortcodes and ref: links resolved, dateline opening the first
/// paragraph. A body the <see cref="BodyCache"/> holds for the same file, dateline and linked articles is reused instead.
/// </summary>
internal sealed class ArticleBodyRenderer(MarkdownPipeline pipeline, MarkdownPipeline lean, bool allowRawHtml, ShortcodeResolver shortcodes, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug, BodyCache cache)
{
    private const string RefScheme = "ref:";

    // Sized for the bodies left to render: a whole site's tokens in a first build, none to speak of in an edit, which takes
    // every other body from the cache (a table for 16,384 tokens was a fifth of a megabyte of an edit's fresh memory).
    private readonly TokenPool _tokens = new(expectedTokens: Math.Clamp((articlesBySlug.Count - cache.Count) * 512, 0, 1 << 14));

    /// <summary>Writers whose buffers are kept from body to body, so a body's HTML is not grown chunk by chunk each time.</summary>
    private readonly ReusablePool<CharArrayWriter> _writers = new();
    private int _rendered;

    /// <summary>How many bodies were rendered (not taken from the cache) so far.</summary>
    public int Rendered => _rendered;

    public RenderedBody Render(SourceSplit source, string? dateline)
    {
        Span<char> key = stackalloc char[Fingerprint.HexLength];
        RenderedBody.KeyOf(source, dateline, key);
        if (cache.Find(key, articlesBySlug) is { } cached)
        {
            return cached;
        }

        Interlocked.Increment(ref _rendered);
        var diagnostics = new DiagnosticBag();
        var links = new ArticleLinks(articlesBySlug);
        var document = new ParsedDocument(source.File.Path, new YamlSource(source.File.Path, null, source.YamlFirstLine) { Text = source.Yaml }, source.BodyFirstLine, source.ReadBody());
        var writer = _writers.TryRent() ?? new CharArrayWriter();
        try
        {
            RenderHtml(document, dateline, links, diagnostics, writer);
            var html = writer.Written;
            var utf8 = new byte[Encoding.UTF8.GetByteCount(html)];
            Encoding.UTF8.GetBytes(html, utf8);
            return new RenderedBody(key.ToString(), TrustedHtml.FromUtf8(utf8), CountWords(document.BodyText), [.. diagnostics.ToSortedList().Select(CachedDiagnostic.From)], links.LookedUp, BodyTerms.Of(html, _tokens));
        }
        finally
        {
            writer.Clear();
            _writers.Return(writer);
        }
    }

    /// <summary>Writes the body's HTML into <paramref name="writer"/> (nothing when its Markdown is unusable, reported).</summary>
    private void RenderHtml(ParsedDocument document, string? dateline, ArticleLinks links, DiagnosticBag diagnostics, CharArrayWriter writer)
    {
        if (MarkdownBody.Parse(document, pipeline, lean, allowRawHtml, diagnostics, out var used) is not { } body)
        {
            return;
        }

        foreach (var node in body.Descendants())
        {
            switch (node)
            {
                case ShortcodeBlock block:
                    block.RenderedHtml = shortcodes.Resolve(block, LocationOf(document, block.Line, block.Column), links, diagnostics);
                    break;
                case LinkInline { Url: { } url } link when url.StartsWith(RefScheme, StringComparison.Ordinal):
                    var slug = url[RefScheme.Length..];
                    var hash = slug.IndexOf('#', StringComparison.Ordinal);
                    var anchor = hash >= 0 ? slug[hash..] : string.Empty;
                    slug = hash >= 0 ? slug[..hash] : slug;
                    if (links.TryGet(slug, out var target))
                    {
                        link.Url = target.Url + anchor;
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticCodes.AlsoReadUnknown, LocationOf(document, link.Line, link.Column), slug);
                    }

                    break;
            }
        }

        var renderer = new HtmlRenderer(writer);
        used.Setup(renderer);
        renderer.Render(body);
        if (dateline is not null)
        {
            InsertDateline(writer, dateline);
        }
    }

    private static SourceLocation LocationOf(ParsedDocument document, int line, int column) =>
        new(document.Path, document.BodyFirstLine + line, column + 1);

    /// <summary>The dateline opens the first paragraph, or is a paragraph of its own when the body does not start with one.</summary>
    private static void InsertDateline(CharArrayWriter writer, string dateline)
    {
        var span = $"<span class=\"dateline\">{WebUtility.HtmlEncode(dateline)}</span> ";
        var html = writer.Written;
        if (html.StartsWith("<p>", StringComparison.Ordinal) || html.StartsWith("<p ", StringComparison.Ordinal))
        {
            writer.Insert(html.IndexOf('>') + 1, span);
            return;
        }

        writer.Insert(0, $"<p>{span.TrimEnd()}</p>\n");
    }

    /// <summary>
    /// Words as a reader counts them: a word starts at a letter or digit and runs to the next white space, so "don't" and
    /// "well-known" are one word and a lone dash is none. Counted without a branch per character: prose changes between
    /// letters, spaces and punctuation every few characters, and a mispredicted branch at each change cost more than the
    /// rest of the loop (2 % of a cold build's CPU).
    /// </summary>
    internal static int CountWords(string text)
    {
        var classes = AsciiClasses;
        var count = 0;
        var inWord = 0;
        foreach (var c in text)
        {
            int kind = c < 128 ? classes[c] : KindOf(c);
            var wordCharacter = kind & LetterOrDigit;
            var whiteSpace = kind >> 1;
            count += wordCharacter & (inWord ^ 1);
            inWord = wordCharacter | (inWord & (whiteSpace ^ 1));
        }

        return count;
    }

    private const int LetterOrDigit = 1;
    private const int WhiteSpace = 2;

    private static int KindOf(char c) => char.IsLetterOrDigit(c) ? LetterOrDigit : char.IsWhiteSpace(c) ? WhiteSpace : 0;

    /// <summary><see cref="KindOf"/> of each ASCII character: 1 for a letter or digit, 2 for white space, 0 for anything else.</summary>
    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];
}
