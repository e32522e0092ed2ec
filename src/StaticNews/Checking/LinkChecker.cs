using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Parsing;
using StaticNews.Rendering;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Checking;

/// <summary>
/// What only <c>check</c> verifies, against the finished site: every internal link of every published article leads to a page
/// or file, every '#anchor' to an id on the target page, every image (Markdown, figure shortcode, front matter 'image') to a file.
/// </summary>
internal sealed partial class LinkChecker
{
    private const string RefScheme = "ref:";
    private readonly SiteModel _model;
    private readonly Dictionary<string, OutputFile> _files;
    private readonly Dictionary<string, Article> _articlesBySlug;
    private readonly Dictionary<string, HashSet<string>> _idsByFile = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    private LinkChecker(SiteModel model, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        _model = model;
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        _articlesBySlug = model.Pages.Where(p => p.Article is not null).Select(p => p.Article!).DistinctBy(a => a.Slug, StringComparer.Ordinal).ToDictionary(a => a.Slug, StringComparer.Ordinal);
        _diagnostics = diagnostics;
    }

    public static void Check(SiteModel model, SourceSet sources, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var checker = new LinkChecker(model, files, diagnostics);
        var pipeline = MarkdownPipelines.Create();
        var published = model.Pages.Where(p => p.Kind == PageKind.Article && p.Article is not null).ToDictionary(p => p.Article!.SourcePath, StringComparer.Ordinal);
        foreach (var source in sources.Articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (published.TryGetValue(source.Path, out var page) && ContentParser.Parse(source, pipeline, new DiagnosticBag()) is { } document)
            {
                checker.CheckArticle(page, document);
            }
        }
    }

    private void CheckArticle(Page page, ParsedDocument document)
    {
        var ownFile = _model.Urls.OutputPathOf(page.Url);
        CheckFrontMatterImage(document);
        foreach (var node in document.Body.Descendants())
        {
            switch (node)
            {
                case LinkInline { Url: { } url } link:
                    CheckLink(url, link.IsImage, ownFile, page.Url, Location(document, link.Line, link.Column));
                    break;
                case ShortcodeBlock { Name: "figure" } figure when (figure.Named("src") ?? figure.Positional(0)) is { } src:
                    CheckLink(src, isImage: true, ownFile, page.Url, Location(document, figure.Line, figure.Column));
                    break;
            }
        }
    }

    private void CheckFrontMatterImage(ParsedDocument document)
    {
        if (document.FrontMatter.Root is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "image" } && value is YamlScalarNode { Value: { } url } && url.Trim().Length > 0)
            {
                var location = new SourceLocation(document.Path, document.FrontMatter.LineOf(value), YamlSource.ColumnOf(value));
                CheckLink(url.Trim(), isImage: true, ownFile: string.Empty, pageUrl: "/", location);
            }
        }
    }

    private void CheckLink(string url, bool isImage, string ownFile, string pageUrl, SourceLocation location)
    {
        var (path, anchor) = SplitAnchor(url);
        string? file;
        if (path.StartsWith(RefScheme, StringComparison.Ordinal))
        {
            // An unknown slug is already an error of the build (SN0403); only the anchor is left to check.
            if (!_articlesBySlug.TryGetValue(path[RefScheme.Length..], out var article) || anchor is null)
            {
                return;
            }

            file = _model.Urls.OutputPathOf(article.Url);
        }
        else if (path.Length == 0)
        {
            file = anchor is null ? null : ownFile;
            if (file is null || file.Length == 0)
            {
                return;
            }
        }
        else if (ToSitePath(path, pageUrl) is { } sitePath)
        {
            file = FindFile(sitePath);
            if (file is null)
            {
                Report(isImage, url, sitePath, location);
                return;
            }
        }
        else
        {
            return;
        }

        if (anchor is { Length: > 0 } && !IdsOf(file).Contains(anchor))
        {
            var headings = IdsOf(file).Order(StringComparer.Ordinal).ToList();
            _diagnostics.Report(DiagnosticCodes.AnchorMissing, location, url, anchor, "/" + file, headings.Count == 0 ? "(none)" : string.Join(", ", headings.Select(h => "#" + h).Take(20)));
        }
    }

    private void Report(bool isImage, string url, string sitePath, SourceLocation location)
    {
        if (isImage)
        {
            _diagnostics.Report(DiagnosticCodes.ImageMissing, location, url, SiteLayout.StaticFolder + "/" + sitePath.TrimEnd('/'));
            return;
        }

        var lastSegment = sitePath.TrimEnd('/').Split('/')[^1];
        var hint = _articlesBySlug.ContainsKey(lastSegment)
            ? $"to link the article '{lastSegment}', write (ref:{lastSegment})"
            : "check the path, or link an article by its slug with (ref:SLUG)";
        _diagnostics.Report(DiagnosticCodes.LinkBroken, location, url, hint);
    }

    /// <summary>The path below the site root that a link leads to, or null for links that leave the site (other hosts, mailto:, …).</summary>
    private string? ToSitePath(string path, string pageUrl)
    {
        var baseUrl = _model.Site.Config.BaseUrl;
        if (baseUrl.StartsWith("http", StringComparison.Ordinal) && path.StartsWith(baseUrl, StringComparison.Ordinal))
        {
            return Unescape(path[baseUrl.Length..]);
        }

        if (path.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
        {
            return null;
        }

        if (!path.StartsWith('/'))
        {
            if (!Uri.TryCreate(new Uri("http://site" + pageUrl), path, out var resolved))
            {
                return path;
            }

            path = resolved.AbsolutePath;
        }

        var basePath = _model.Urls.BasePath;
        return Unescape(path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path.TrimStart('/'));
    }

    private string? FindFile(string sitePath)
    {
        var query = sitePath.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            sitePath = sitePath[..query];
        }

        string[] candidates = sitePath.Length == 0 || sitePath.EndsWith('/')
            ? [sitePath + "index.html"]
            : [sitePath, sitePath + "/index.html"];
        return candidates.FirstOrDefault(_files.ContainsKey);
    }

    private HashSet<string> IdsOf(string file)
    {
        if (!_idsByFile.TryGetValue(file, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            if (file.EndsWith(".html", StringComparison.Ordinal) && _files.TryGetValue(file, out var output))
            {
                foreach (Match match in IdAttribute().Matches(System.Text.Encoding.UTF8.GetString(output.Content.Span)))
                {
                    ids.Add(WebUtility.HtmlDecode(match.Groups[1].Value));
                }
            }

            _idsByFile[file] = ids;
        }

        return ids;
    }

    private static (string Path, string? Anchor) SplitAnchor(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, null) : (url[..hash], Unescape(url[(hash + 1)..]));
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text);

    private static SourceLocation Location(ParsedDocument document, int line, int column) =>
        new(document.Path, document.BodyFirstLine + line, column + 1);

    [GeneratedRegex("""\sid\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();
}
