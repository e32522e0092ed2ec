using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>Renders pages through the theme. Templates are parsed once; each page gets its own context, so pages render in parallel.</summary>
internal sealed class PageRenderer
{
    private readonly SiteModel _model;
    private readonly IReadOnlyDictionary<string, ThemeTemplate> _sources;
    private readonly IReadOnlyDictionary<string, Template> _templates;
    private readonly ThemeTemplateLoader _loader;
    private readonly ScriptObject _functions;
    private readonly TrustedIncludeFunction _include;
    private readonly DiagnosticBag _diagnostics;
    private readonly ConcurrentDictionary<string, TemplateRuntimeError> _runtimeErrors = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<Page, int>> _pageOrder;
    private readonly ReusablePool<HtmlTemplateContext> _contexts = new();
    private readonly ModelAccessors _accessors = new();
    private readonly ScribanBuiltins _builtins;
    private readonly TemplateClock _clock;

    /// <summary>At most this many bytes of reused partial output are kept, whatever the size of the site.</summary>
    private const long MemoBytes = 64L * 1024 * 1024;

    public PageRenderer(SiteModel model, IReadOnlyDictionary<string, ThemeTemplate> templates, DiagnosticBag diagnostics)
        : this(model, templates, ParsedTemplates.Parse(templates), diagnostics)
    {
    }

    /// <summary>A renderer of the templates <paramref name="parsed"/> from <paramref name="templates"/>; reports their syntax errors.</summary>
    public PageRenderer(SiteModel model, IReadOnlyDictionary<string, ThemeTemplate> templates, ParsedTemplates parsed, DiagnosticBag diagnostics)
    {
        _model = model;
        _pageOrder = new(() => PageOrderOf(model.Pages));
        _sources = templates;
        _diagnostics = diagnostics;
        _loader = new ThemeTemplateLoader(templates);
        _functions = TemplateFunctions.Create(model.Site.Config, model.Urls);
        Publishing.PublishingFunctions.Import(_functions, model);
        foreach (var error in parsed.Errors)
        {
            diagnostics.Report(DiagnosticCodes.TemplateSyntax, LocationOf(error.Span), error.Message);
        }

        _templates = parsed.Templates;
        _builtins = parsed.Builtins;
        _clock = TemplateClock.At(model.BuiltAt, model.Site.Config.TimeZone);
        var constantGlobals = SiteWidePartials.ConstantGlobals(_functions.Keys, ScribanBuiltins.Names);
        var siteWide = SiteWidePartials.Find(parsed.Facts, constantGlobals);
        Memo = new PartialMemo(MemoizablePartials.Find(parsed.Facts, siteWide, constantGlobals), MemoBytes, expectedCalls: model.Pages.Count);
        _include = new TrustedIncludeFunction(siteWide, Memo);

        foreach (var required in PageTemplates.Required)
        {
            if (!templates.ContainsKey(required))
            {
                diagnostics.Report(DiagnosticCodes.TemplateMissing, SourceLocation.File(SiteLayout.TemplatesFolder + "/" + required), required);
            }
        }
    }

    /// <summary>Partial output reused between pages during this build.</summary>
    public PartialMemo Memo { get; }

    /// <summary>The page as UTF-8 bytes, or null when its template failed (reported as a diagnostic).</summary>
    public byte[]? Render(Page page) => Render(page, out _);

    /// <summary>
    /// The page as UTF-8 bytes, or null when its template failed (reported as a diagnostic); and what it read of articles.
    /// </summary>
    public byte[]? Render(Page page, out PageReads reads)
    {
        byte[]? html = null;
        Render(page, out reads, bytes => html = bytes.ToArray());
        return html;
    }

    /// <summary>
    /// Renders the page and hands its UTF-8 bytes to <paramref name="use"/> without copying them: they live in a buffer the
    /// next page is rendered into, so <paramref name="use"/> must be done with them when it returns. False when the template
    /// failed (reported as a diagnostic); <paramref name="reads"/> as for <see cref="Render(Page, out PageReads)"/>.
    /// </summary>
    public bool Render(Page page, out PageReads reads, Action<ReadOnlyMemory<byte>> use)
    {
        reads = PageReads.None;
        var name = PageTemplates.For(page.Kind);
        if (!_templates.TryGetValue(name, out var body) || !_templates.TryGetValue(PageTemplates.Layout, out var layout))
        {
            return false;
        }

        var context = RentContext();
        context.Reads.Clear();
        try
        {
            var globals = context.PageGlobals;
            globals.Clear();
            globals["site"] = _model.Site;
            globals["page"] = page;
            globals["content"] = TrustedHtml.Empty;
            context.PushGlobal(globals);
            // The page's own HTML is handed to the layout where it was rendered, not copied: the layout copies it into the page.
            context.ContentOutput.Clear();
            context.PageOutput.Clear();
            context.PushOutput(context.ContentOutput);
            body.Render(context);
            context.PopOutput();
            context.SetValue(new ScriptVariableGlobal("content"), TrustedHtml.FromUtf8(context.ContentOutput.WrittenMemory()));
            layout.Render(context);
            context.PopGlobal();
            reads = context.Reads.ToPageReads(page, _model.Site);
            use(context.PageOutput.WrittenMemory());
            _contexts.Return(context);
            return true;
        }
        catch (ScriptRuntimeException e) when (DamagedCacheException.PathIn(e) is null)
        {
            // A damaged cache is not the template's fault: it goes up, and the build starts over without that cache file.
            var error = new TemplateRuntimeError(_pageOrder.Value.GetValueOrDefault(page, int.MaxValue), page.Url, LocationOf(e.Span), e.OriginalMessage);
            _runtimeErrors.AddOrUpdate(error.Key, error, (_, earlier) => error.PageIndex < earlier.PageIndex ? error : earlier);
            return false;
        }
    }

    /// <summary>
    /// Reports the templates' runtime errors met so far, once each (a template line failing on every page is one mistake),
    /// naming the first page in the site's order that met it: pages render in parallel, and an incremental build or the
    /// preview renders only some of them, so the page that happened to fail first would differ from build to build.
    /// </summary>
    public void ReportRuntimeErrors()
    {
        foreach (var error in _runtimeErrors.Values)
        {
            _diagnostics.Report(DiagnosticCodes.TemplateRuntime, error.Location, error.PageUrl, error.Message);
        }

        _runtimeErrors.Clear();
    }

    private static Dictionary<Page, int> PageOrderOf(IReadOnlyList<Page> pages)
    {
        var order = new Dictionary<Page, int>(pages.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < pages.Count; i++)
        {
            order.TryAdd(pages[i], i);
        }

        return order;
    }

    /// <summary>
    /// A context from the pool, or a new one. Contexts are not thread-safe, so each render holds one alone; reusing them keeps
    /// Scriban's builtins and included partials from being rebuilt for every page. A context that failed is dropped, not reused.
    /// </summary>
    private HtmlTemplateContext RentContext()
    {
        if (_contexts.TryRent() is { } pooled)
        {
            return pooled;
        }

        var context = new HtmlTemplateContext(_templates, _accessors, _builtins, _clock) { TemplateLoader = _loader };
        context.BuiltinObject.SetValue("include", _include, readOnly: true);
        context.PushGlobal(_functions);
        return context;
    }

    private SourceLocation LocationOf(SourceSpan span)
    {
        var file = span.FileName ?? string.Empty;
        var path = _sources.TryGetValue(file, out var source) ? source.DisplayPath : file;
        return new SourceLocation(path, span.Start.Line + 1, span.Start.Column + 1);
    }
}
