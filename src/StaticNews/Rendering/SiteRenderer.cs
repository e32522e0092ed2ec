using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Output;
using StaticNews.Publishing;
using System.Text;

namespace StaticNews.Rendering;

/// <summary>Stage 4: every page through its template, the feeds and sitemaps, plus the static files, as a sorted list of output files.</summary>
public static class SiteRenderer
{
    public static IReadOnlyList<OutputFile> Render(SiteModel model, SourceSet sources, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        Render(model, sources, diagnostics, reuse: null, out _, cancellationToken);

    /// <summary>
    /// Renders every page and generated file except those <paramref name="reuse"/> says the previous render already produced
    /// from the same inputs; <paramref name="pagesRendered"/> tells how many pages went through their templates.
    /// </summary>
    internal static IReadOnlyList<OutputFile> Render(SiteModel model, SourceSet sources, DiagnosticBag diagnostics, OutputReuse? reuse, out int pagesRendered, CancellationToken cancellationToken, PoolWork<PageRenderer>? setup = null, IReadOnlyList<FeedChannel>? feeds = null)
    {
        var memory = new MemorySink();
        pagesRendered = Render(model, sources, diagnostics, reuse, memory, search: null, cancellationToken, setup, feeds);
        return memory.Files;
    }

    /// <summary>
    /// Renders the site into <paramref name="sink"/>, each page as soon as it is rendered. The feeds, sitemaps and search
    /// index come first (their paths must be known before any file is written) and go to the sink before the first page
    /// renders, so they are not held through rendering (60 MB at 10,000 articles); then the pages in parallel, then the
    /// static files. The search files are made from <paramref name="search"/> when given (from the model otherwise), the
    /// renderer taken from <paramref name="setup"/> (see <see cref="StartSetup"/>) and the feeds from <paramref name="feeds"/>
    /// when given (made otherwise).
    /// </summary>
    /// <returns>How many pages were rendered through their templates (the others were reused).</returns>
    internal static int Render(SiteModel model, SourceSet sources, DiagnosticBag diagnostics, OutputReuse? reuse, IOutputSink sink, SearchInputs? search, CancellationToken cancellationToken, PoolWork<PageRenderer>? setup = null, IReadOnlyList<FeedChannel>? feeds = null)
    {
        // The renderer is set up (templates analysed) while the feeds, sitemaps and search files are made, unless the caller
        // started that sooner; both before the output is opened, so template mistakes are reported even when the output
        // folder turns out to be unusable.
        setup ??= StartSetup(model, sources.Templates, () => ParsedTemplates.Parse(sources.Templates), diagnostics);
        var pages = model.Pages;
        var early = EarlyPages.Start(pages, reuse, setup, (html, page) => AsTheSinkTakesIt(html, page, model, keepsContent: true), cancellationToken);
        var paths = new HashSet<string>(pages.Count + sources.StaticFiles.Count + 1024, StringComparer.Ordinal);
        var generated = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        var presumptionsHeld = true;
        try
        {
            foreach (var page in pages)
            {
                paths.Add(page.OutputPath);
            }

            AddGenerated(PublishingOutputs.Create(model, SitemapWriter.MaxUrlsPerFile, reuse, search, feeds, cancellationToken), paths, generated, diagnostics);
            presumptionsHeld = reuse?.Settle() ?? true;
            if (!presumptionsHeld)
            {
                // Some file of the previous output taken as still there is gone: the feeds, sitemaps and search files are
                // made again now that which are gone is known. The pages are asked again as they are added, below.
                foreach (var path in generated.Keys)
                {
                    paths.Remove(path);
                    reuse!.Forget(path);
                }

                generated.Clear();
                AddGenerated(PublishingOutputs.Create(model, SitemapWriter.MaxUrlsPerFile, reuse, search, feeds, cancellationToken), paths, generated, diagnostics);
            }
        }
        finally
        {
            setup.Wait();
            early?.Wait();
        }

        var renderer = setup.Result;
        var staticFiles = new Dictionary<string, StaticFile>(StringComparer.Ordinal);
        foreach (var staticFile in sources.StaticFiles)
        {
            if (paths.Contains(staticFile.OutputPath) && !PublishingOutputs.IsReplaceableByStaticFile(staticFile.OutputPath))
            {
                diagnostics.Report(DiagnosticCodes.UrlCollision, SourceLocation.File(staticFile.SourcePath), "/" + staticFile.OutputPath, "a generated page");
                continue;
            }

            generated.Remove(staticFile.OutputPath);
            paths.Add(staticFile.OutputPath);
            staticFiles[staticFile.OutputPath] = staticFile;
        }

        // What the pages rendered early met is reported before the output opens: a failed build leaves it alone. Unless the
        // build has failed already (a template that does not parse, two pages with one URL): the output will not open, and
        // a cold build would render no page to meet those errors, such as each page failing to include the broken partial.
        if (!diagnostics.HasErrors)
        {
            renderer.ReportRuntimeErrors();
        }

        if (!sink.Open(paths))
        {
            return 0;
        }

        AddAll(sink, generated, cancellationToken);
        generated.Clear();

        var rendered = 0;
        ParallelWork.For(pages.Count, i =>
        {
            var page = pages[i];
            if (early is not null)
            {
                // The early pages are the ones to render again: every other one is unchanged, unless the output turned out
                // not to have files taken as still there when the early pages were chosen (it is then asked again, below).
                if (early.TryTake(i, out var earlyHtml, out var earlyReads))
                {
                    Interlocked.Increment(ref rendered);
                    if (earlyHtml is { } kept)
                    {
                        sink.Add(new OutputFile(page.OutputPath, kept));
                        reuse?.Rendered(page, earlyReads);
                    }

                    return;
                }

                if (presumptionsHeld)
                {
                    sink.AddUnchanged(page.OutputPath);
                    return;
                }
            }

            if (reuse is not null && reuse.IsUnchanged(page.OutputPath))
            {
                sink.AddUnchanged(page.OutputPath);
                return;
            }

            Interlocked.Increment(ref rendered);
            if (renderer.Render(page, out var reads, html => sink.Add(new OutputFile(page.OutputPath, AsTheSinkTakesIt(html, page, model, sink.KeepsContent)))))
            {
                reuse?.Rendered(page, reads);
            }
        }, cancellationToken);
        renderer.ReportRuntimeErrors();

        var statics = staticFiles.Values.ToArray();
        ParallelWork.For(statics.Length, i => sink.Add(new OutputFile(statics[i].OutputPath, statics[i].ReadBytes())), cancellationToken);
        return rendered;
    }

    /// <summary>
    /// Starts setting up the renderer of <paramref name="model"/> on a pool thread (or on the first thread that needs it): the
    /// templates <paramref name="parsed"/> gives analysed, their mistakes reported in <paramref name="diagnostics"/>. A build
    /// starts it once its model is final, so that the pages an edit renders again can start as soon as they are known.
    /// </summary>
    internal static PoolWork<PageRenderer> StartSetup(SiteModel model, IReadOnlyDictionary<string, ThemeTemplate> templates, Func<ParsedTemplates> parsed, DiagnosticBag diagnostics) =>
        ParallelWork.Start(() => new PageRenderer(model, templates, parsed(), diagnostics));

    /// <summary>Puts the generated <paramref name="files"/> among the site's <paramref name="paths"/>, reporting those that take a page's.</summary>
    private static void AddGenerated(IReadOnlyList<OutputFile> files, HashSet<string> paths, Dictionary<string, OutputFile> generated, DiagnosticBag diagnostics)
    {
        foreach (var file in files)
        {
            if (!paths.Add(file.Path))
            {
                diagnostics.Report(DiagnosticCodes.UrlCollision, SourceLocation.File("site.yml"), "/" + file.Path, "a generated page");
                continue;
            }

            generated[file.Path] = file;
        }
    }

    /// <summary>A method of its own, so nothing of the files outlives the call (a lambda's captured array would live as long as the others' closure).</summary>
    private static void AddAll(IOutputSink sink, Dictionary<string, OutputFile> files, CancellationToken cancellationToken)
    {
        var all = files.Values.ToArray();
        ParallelWork.For(all.Length, i => sink.Add(all[i]), cancellationToken);
    }

    /// <summary>
    /// A rendered page's bytes as a sink may take them: with relative_urls, site-rooted links made page-relative (not on the
    /// 404 page: servers show it at any depth); for a sink that keeps what it is given (<paramref name="keepsContent"/>), a
    /// copy; else the render buffer itself, so the page is not copied on its way to the disk.
    /// </summary>
    private static ReadOnlyMemory<byte> AsTheSinkTakesIt(ReadOnlyMemory<byte> html, Page page, SiteModel model, bool keepsContent)
    {
        if (model.Site.Config.RelativeUrls && page.Kind != PageKind.NotFound)
        {
            return Encoding.UTF8.GetBytes(HtmlUrlRewriter.Rewrite(html.Span, url => SiteUrls.Relative(url, model.Urls.BasePath, page.OutputPath)));
        }

        return keepsContent ? html.ToArray() : html;
    }
}
