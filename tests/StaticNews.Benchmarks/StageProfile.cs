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
    public static void Run(string site, TextWriter output)
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
            ContentParser.Parse(article, pipeline, diagnostics);
        }

        Lap("parse articles (1 thread)");
        var model = SiteBuilder.Build(sources, new StaticNews.BuildOptions { SourcePath = site }, diagnostics)!;
        Lap("site builder (parallel)");
        var renderer = new PageRenderer(model, sources.Templates, diagnostics);
        Lap("parse templates");
        foreach (var page in model.Pages)
        {
            renderer.Render(page);
        }

        Lap("render pages (1 thread)");
        foreach (var page in model.Pages)
        {
            renderer.Render(page);
        }

        Lap("render pages again (warm)");
        SiteBuilder.Build(sources, new StaticNews.BuildOptions { SourcePath = site }, diagnostics);
        Lap("site builder again (warm)");
    }
}
