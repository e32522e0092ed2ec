using System.Globalization;
using System.Net;
using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>Turns each shortcode into HTML, or into a diagnostic at its line and column.</summary>
internal sealed class ShortcodeResolver(UrlBuilder urls)
{
    public static IReadOnlyList<string> Names { get; } = ["also-read", "figure", "quote", "youtube"];

    public string? Resolve(ShortcodeBlock block, SourceLocation location, ArticleLinks articles, DiagnosticBag diagnostics)
    {
        if (block.IsUnclosed)
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeUnclosed, location);
            return null;
        }

        switch (block.Name)
        {
            case "also-read":
                return AlsoRead(block, location, articles, diagnostics);
            case "figure":
                return Figure(block, location, diagnostics);
            case "quote":
                return Quote(block, location, diagnostics);
            case "youtube":
                return YouTube(block, location, diagnostics);
            default:
                diagnostics.Report(DiagnosticCodes.ShortcodeUnknown, location, block.Name, string.Join(", ", Names));
                return null;
        }
    }

    private static string? AlsoRead(ShortcodeBlock block, SourceLocation location, ArticleLinks articles, DiagnosticBag diagnostics)
    {
        var slug = block.Positional(0) ?? block.Named("slug");
        if (string.IsNullOrWhiteSpace(slug))
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeArgument, location, "also-read", "needs the slug of the article to link, e.g. {{< also-read some-slug >}}");
            return null;
        }

        if (!articles.TryGet(slug, out var target))
        {
            diagnostics.Report(DiagnosticCodes.AlsoReadUnknown, location, slug);
            return null;
        }

        return $"<p class=\"also-read\"><strong>Also Read:</strong> <a href=\"{Attr(target.Url)}\">{Html(target.Title)}</a></p>";
    }

    private string? Figure(ShortcodeBlock block, SourceLocation location, DiagnosticBag diagnostics)
    {
        var src = block.Named("src") ?? block.Positional(0);
        var alt = block.Named("alt");
        if (src is null || !UrlRules.IsSafeLink(src))
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeArgument, location, "figure", "needs src=\"/path/to/image\" (a site path or an http(s) URL)");
            return null;
        }

        if (alt is null)
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeArgument, location, "figure", "needs alt=\"…\" describing the image for readers who cannot see it");
            return null;
        }

        var caption = block.Named("caption");
        var credit = block.Named("credit");
        var html = new StringBuilder("<figure class=\"figure\">");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{Attr(urls.Resolve(src))}\" alt=\"{Attr(alt)}\" loading=\"lazy\">");
        if (caption is not null || credit is not null)
        {
            html.Append("<figcaption>");
            if (caption is not null)
            {
                html.Append(Html(caption));
            }

            if (credit is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"credit\">{Html(credit)}</span>");
            }

            html.Append("</figcaption>");
        }

        return html.Append("</figure>").ToString();
    }

    private static string? Quote(ShortcodeBlock block, SourceLocation location, DiagnosticBag diagnostics)
    {
        var text = block.Named("text") ?? block.Positional(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeArgument, location, "quote", "needs text=\"…\"");
            return null;
        }

        var source = block.Named("source") ?? block.Positional(1);
        var cite = source is null ? string.Empty : $"<figcaption>— {Html(source)}</figcaption>";
        return $"<figure class=\"pull-quote\"><blockquote><p>{Html(text)}</p></blockquote>{cite}</figure>";
    }

    private static string? YouTube(ShortcodeBlock block, SourceLocation location, DiagnosticBag diagnostics)
    {
        var id = block.Named("id") ?? block.Positional(0);
        if (id is null || id.Length is < 6 or > 20 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            diagnostics.Report(DiagnosticCodes.ShortcodeArgument, location, "youtube", "needs the video id, e.g. {{< youtube dQw4w9WgXcQ >}}");
            return null;
        }

        var title = block.Named("title") ?? "Watch the video on YouTube";
        return $"<p class=\"video\"><a href=\"https://www.youtube-nocookie.com/embed/{id}\">{Html(title)}</a></p>";
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
