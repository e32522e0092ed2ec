using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Publishing;
using System.Text;

namespace StaticNews.Rendering;

/// <summary>Stage 4: every page through its template, the feeds and sitemaps, plus the static files, as a sorted list of output files.</summary>
public static class SiteRenderer
{
    public static IReadOnlyList<OutputFile> Render(SiteModel model, SourceSet sources, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        Render(model, sources, diagnostics, isUnchanged: null, cancellationToken);

    /// <summary>Renders every page except those <paramref name="isUnchanged"/> says the previous build already rendered from the same inputs.</summary>
    internal static IReadOnlyList<OutputFile> Render(SiteModel model, SourceSet sources, DiagnosticBag diagnostics, Func<Page, bool>? isUnchanged, CancellationToken cancellationToken)
    {
        var renderer = new PageRenderer(model, sources.Templates, diagnostics);
        var pages = model.Pages;
        var rendered = new OutputFile?[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (isUnchanged is not null && isUnchanged(pages[i]))
            {
                rendered[i] = OutputFile.Unchanged(pages[i].OutputPath);
            }
            else if (renderer.Render(pages[i]) is { } html)
            {
                html = RelativeUrlsIfConfigured(html, pages[i], model);
                rendered[i] = new OutputFile(pages[i].OutputPath, Encoding.UTF8.GetBytes(html));
            }
        });

        var files = new Dictionary<string, OutputFile>(pages.Count + sources.StaticFiles.Count, StringComparer.Ordinal);
        foreach (var file in rendered)
        {
            if (file is not null)
            {
                files[file.Path] = file;
            }
        }

        foreach (var file in PublishingOutputs.Create(model, cancellationToken))
        {
            if (!files.TryAdd(file.Path, file))
            {
                diagnostics.Report(DiagnosticCodes.UrlCollision, SourceLocation.File("site.yml"), "/" + file.Path, "a generated page");
            }
        }

        foreach (var staticFile in sources.StaticFiles)
        {
            if (files.ContainsKey(staticFile.OutputPath) && !PublishingOutputs.IsReplaceableByStaticFile(staticFile.OutputPath))
            {
                diagnostics.Report(DiagnosticCodes.UrlCollision, SourceLocation.File(staticFile.SourcePath), "/" + staticFile.OutputPath, "a generated page");
                continue;
            }

            files[staticFile.OutputPath] = new OutputFile(staticFile.OutputPath, staticFile.ReadBytes());
        }

        return [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>With relative_urls, site-rooted links become page-relative. Not on the 404 page: servers show it at any depth.</summary>
    private static string RelativeUrlsIfConfigured(string html, Page page, SiteModel model) =>
        model.Site.Config.RelativeUrls && page.Kind != PageKind.NotFound
            ? HtmlUrlRewriter.Rewrite(html, url => SiteUrls.Relative(url, model.Urls.BasePath, page.OutputPath))
            : html;
}
