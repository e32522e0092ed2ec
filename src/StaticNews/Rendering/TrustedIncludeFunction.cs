using System.Collections.Concurrent;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// Scriban's include, whose output is already escaped where needed, marked trusted so it is not escaped twice. The output of a
/// site-wide partial (the same on every page) is rendered once per build and reused; that of other partials is reused when
/// <paramref name="memo"/> has it from a call with the same inputs. A reused output brings the article reads of its first render
/// into the page. An include written straight into a page (<c>{{ include 'x' }}</c> as a statement of its own) renders into the
/// page's UTF-8 output; one whose text is used otherwise (captured, piped, assigned, indented) goes through Scriban's include.
/// </summary>
internal sealed class TrustedIncludeFunction(IReadOnlySet<string> siteWidePartials, PartialMemo memo) : IScriptCustomFunction
{
    private readonly IncludeFunction _include = new();
    private readonly ConcurrentDictionary<string, PartialOutput> _siteWideOutput = new(StringComparer.Ordinal);

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    /// <returns>What is left for Scriban to write: the partial's output, or null when it has been written already.</returns>
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var name = arguments.Count == 1 ? arguments[0] as string : null;
        if (name is not null && siteWidePartials.Contains(name))
        {
            if (_siteWideOutput.TryGetValue(name, out var cached))
            {
                return Reuse(context, cached);
            }

            var left = RenderKeepingOutput(context, callerContext, arguments, blockStatement, out var output);
            _siteWideOutput.TryAdd(name, output);
            return left;
        }

        if (name is not null && memo.KeyOf(context, name) is { } key)
        {
            if (memo.TryGet(key, out var reused))
            {
                return Reuse(context, reused);
            }

            var left = RenderKeepingOutput(context, callerContext, arguments, blockStatement, out var output);
            memo.Add(key, output);
            return left;
        }

        if (IntoPage(context, callerContext, arguments) is { } direct)
        {
            direct.Render(callerContext!, arguments);
            return null;
        }

        return RenderToText(context, callerContext, arguments, blockStatement);
    }

    private static TrustedHtml Reuse(TemplateContext context, PartialOutput output)
    {
        if (!output.Reads.IsEmpty && context is HtmlTemplateContext html)
        {
            html.Reads.Add(output.Reads);
        }

        return output.Html;
    }

    private object? RenderKeepingOutput(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement, out PartialOutput output)
    {
        var reads = (context as HtmlTemplateContext)?.Reads;
        var mark = reads?.Mark() ?? default;
        object? left;
        TrustedHtml html;
        if (IntoPage(context, callerContext, arguments) is { } direct)
        {
            var start = direct.Output.Mark();
            direct.Render(callerContext!, arguments);
            html = TrustedHtml.FromUtf8(direct.Output.CopySince(start));
            left = null;
        }
        else
        {
            html = RenderToText(context, callerContext, arguments, blockStatement);
            left = html;
        }

        output = new PartialOutput(html, reads?.Since(mark) ?? PartialReads.None);
        return left;
    }

    private TrustedHtml RenderToText(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

    /// <summary>
    /// The partial to render straight into the page, or null when its text is wanted as a value: the include is not a statement
    /// of its own, the page is being captured or indented, or the partial is not one of the theme's (Scriban's include reports it).
    /// </summary>
    private static DirectInclude? IntoPage(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments)
    {
        if (context is not HtmlTemplateContext { Output: Utf8Output output, TemplateLoader: { } loader, HasIndent: false } html
            || callerContext is not ScriptFunctionCall { Parent: ScriptExpressionStatement }
            || arguments.Count == 0
            || arguments[0] is not string name)
        {
            return null;
        }

        return loader.GetPath(context, callerContext.Span, name) is { } path && html.TryGetTemplate(path, out var template)
            ? new DirectInclude(html, output, template)
            : null;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
