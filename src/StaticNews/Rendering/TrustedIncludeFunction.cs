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
/// <paramref name="memo"/> has it from a call with the same inputs. A reused output brings the body reads of its first render
/// into the page.
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

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count == 1 && arguments[0] is string name && siteWidePartials.Contains(name))
        {
            if (_siteWideOutput.TryGetValue(name, out var cached))
            {
                return Reuse(context, cached);
            }

            var output = RenderNotingReads(context, callerContext, arguments, blockStatement);
            _siteWideOutput.TryAdd(name, output);
            return output.Html;
        }

        if (arguments.Count == 1 && arguments[0] is string partial && memo.KeyOf(context, partial) is { } key)
        {
            if (memo.TryGet(key, out var reused))
            {
                return Reuse(context, reused);
            }

            var output = RenderNotingReads(context, callerContext, arguments, blockStatement);
            memo.Add(key, output);
            return output.Html;
        }

        return Render(context, callerContext, arguments, blockStatement);
    }

    private static TrustedHtml Reuse(TemplateContext context, PartialOutput output)
    {
        if (output.BodyReads.Length > 0 && context is HtmlTemplateContext html)
        {
            html.BodyReads.AddRange(output.BodyReads);
        }

        return output.Html;
    }

    private PartialOutput RenderNotingReads(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var reads = (context as HtmlTemplateContext)?.BodyReads;
        var before = reads?.Count ?? 0;
        var output = Render(context, callerContext, arguments, blockStatement);
        return new PartialOutput(output, reads is null || reads.Count == before ? [] : [.. reads.Skip(before)]);
    }

    private TrustedHtml Render(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
