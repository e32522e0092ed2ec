using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// A template function calling a typed delegate directly, its arguments converted as Scriban converts them. Scriban's import of
/// a delegate invokes it through reflection on every call. The last <paramref name="optional"/> parameters may be left out;
/// they then take their type's default.
/// </summary>
internal sealed class TemplateFunction<T1, T2, TResult>(Func<T1, T2, TResult> function, string[] parameterNames, int optional = 0) : IScriptCustomFunction
{
    public int RequiredParameterCount => parameterNames.Length - optional;

    public int ParameterCount => parameterNames.Length;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(TResult);

    public ScriptParameterInfo GetParameterInfo(int index) => new(index == 0 ? typeof(T1) : typeof(T2), parameterNames[index]);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? default;
        var first = arguments.Count > 0 ? context.ToObject<T1>(span, arguments[0])! : default!;
        var second = arguments.Count > 1 ? context.ToObject<T2>(span, arguments[1])! : default!;
        return function(first, second);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
