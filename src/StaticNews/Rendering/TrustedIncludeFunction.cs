using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>Scriban's include, whose output is already escaped where needed, marked trusted so it is not escaped twice.</summary>
internal sealed class TrustedIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _include = new();

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new TrustedHtml(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
