using System.Diagnostics;
using System.Globalization;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Parsing;
using StaticNews.Rendering;

namespace StaticNews.Benchmarks;

/// <summary>Times the steps of one in-process build of a site, to see where the time goes.</summary>
internal static class StageProfile
{
    /// <returns>0, or 1 when the site has errors (printed): there is nothing to profile.</returns>
    public static int Run(string site, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        void Lap(string name)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms"));
            clock.Restart();
        }

        var diagnostics = new DiagnosticBag();
        var sources = SiteDiscoverer.DiscoverAsync(site, diagnostics).GetAwaiter().GetResult();
        Lap("discover");
        var pipeline = MarkdownPipelines.Create();
        foreach (var article in sources.Articles)
        {
            if (ContentParser.Parse(article, diagnostics) is { } parsed)
            {
                MarkdownBody.Parse(parsed, pipeline, allowRawHtml: true, diagnostics);
            }
        }

        Lap("parse articles (1 thread)");
        if (SiteBuilder.Build(sources, new StaticNews.BuildOptions { SourcePath = site }, diagnostics) is not { } model || diagnostics.HasErrors)
        {
            foreach (var diagnostic in diagnostics.ToSortedList())
            {
                output.WriteLine(diagnostic);
            }

            output.WriteLine($"'{site}' has errors: nothing to profile. Pass a site with --site (see 'generate').");
            return 1;
        }

        Lap("site builder (parallel)");
        var renderer = new PageRenderer(model, sources.Templates, diagnostics);
        Lap("parse templates");
        foreach (var page in model.Pages)
        {
            renderer.Render(page);
        }

        Lap("render pages (1 thread)");
        var byKind = new Dictionary<StaticNews.Model.PageKind, (int Pages, TimeSpan Time, long Bytes)>();
        var pageClock = new Stopwatch();
        foreach (var page in model.Pages)
        {
            pageClock.Restart();
            var html = renderer.Render(page);
            var (pages, time, bytes) = byKind.GetValueOrDefault(page.Kind);
            byKind[page.Kind] = (pages + 1, time + pageClock.Elapsed, bytes + (html?.Length ?? 0));
        }

        Lap("render pages again (warm)");
        foreach (var (kind, (pages, time, bytes)) in byKind.OrderByDescending(k => k.Value.Time))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-12} {pages,7} pages {time.TotalMilliseconds,8:F0} ms {time.TotalMilliseconds * 1000 / pages,7:F0} us/page {bytes / pages / 1024.0,6:F1} KiB/page"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  partial outputs reused from: {renderer.Memo.Count} entries"));
        SiteBuilder.Build(sources, new StaticNews.BuildOptions { SourcePath = site }, diagnostics);
        Lap("site builder again (warm)");
        return 0;
    }
}
