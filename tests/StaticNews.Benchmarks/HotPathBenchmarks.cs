using BenchmarkDotNet.Attributes;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Parsing;
using StaticNews.Rendering;

namespace StaticNews.Benchmarks;

/// <summary>The per-article hot paths: front matter parse, Markdown render, one page render.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private SourceFile _article = null!;
    private Markdig.MarkdownPipeline _pipeline = null!;
    private SourceSet _sources = null!;
    private SiteModel _model = null!;
    private PageRenderer _renderer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(Path.GetTempPath(), "staticnews-micro");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var corpus = CorpusGenerator.Generate(200);
        StaticNewsLayout.Write(corpus, root);
        var diagnostics = new DiagnosticBag();
        _sources = SiteDiscoverer.DiscoverAsync(root, diagnostics).GetAwaiter().GetResult();
        _article = _sources.Articles[0];
        _pipeline = MarkdownPipelines.Create();
        _model = SiteBuilder.Build(_sources, new StaticNews.BuildOptions { SourcePath = root }, diagnostics)!;
        _renderer = new PageRenderer(_model, _sources.Templates, diagnostics);
    }

    [Benchmark]
    public object? ParseArticle() => ContentParser.Parse(_article, new DiagnosticBag());

    [Benchmark]
    public string RenderMarkdown()
    {
        var parsed = ContentParser.Parse(_article, new DiagnosticBag())!;
        return Markdig.Markdown.ToHtml(MarkdownBody.Parse(parsed, _pipeline, allowRawHtml: true, new DiagnosticBag())!, _pipeline);
    }

    [Benchmark]
    public byte[]? RenderArticlePage() => _renderer.Render(_model.Pages.First(p => p.Kind == StaticNews.Model.PageKind.Article));
}
