using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// Reads the value of one of a partial's inputs (a variable, or a member chain from one) the way a template reads it, without
/// the exceptions a template's read throws: a variable the caller has not set reads as <see cref="Unset"/>, and a chain
/// through null reads as null. Either way the partial itself, when it renders, reports what it does with them.
/// </summary>
internal static class PartialInput
{
    /// <summary>The value of a variable the caller has not set: equal only to itself, so two such calls share a key.</summary>
    public static object Unset { get; } = new UnsetVariable();

    private static readonly TemplateContext.TryGetVariableDelegate ReadUnsetAsMarker = ReadAsUnset;

    /// <summary>The value of <paramref name="input"/>, or false when it is not a chain this can read (a missing member, an index).</summary>
    public static bool TryRead(TemplateContext context, ScriptExpression input, out object? value)
    {
        var previous = context.TryGetVariable;
        context.TryGetVariable = ReadUnsetAsMarker;
        try
        {
            return TryReadChain(context, input, out value);
        }
        finally
        {
            context.TryGetVariable = previous;
        }
    }

    private static bool TryReadChain(TemplateContext context, ScriptExpression input, out object? value)
    {
        switch (input)
        {
            case ScriptVariableGlobal variable:
                value = context.GetValue(variable);
                return true;
            case ScriptMemberExpression { Target: { } target, Member: { } member }:
                if (!TryReadChain(context, target, out var owner))
                {
                    value = null;
                    return false;
                }

                if (owner is null || ReferenceEquals(owner, Unset))
                {
                    value = owner;
                    return true;
                }

                return context.GetMemberAccessor(owner).TryGetValue(context, member.Span, owner, member.Name, out value);
            default:
                value = null;
                return false;
        }
    }

    private static bool ReadAsUnset(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value)
    {
        value = Unset;
        return true;
    }

    private sealed class UnsetVariable
    {
        public override string ToString() => "(unset)";
    }
}
