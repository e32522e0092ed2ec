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

    /// <summary>
    /// The value of a chain from an object that stands for its members, other than the first such chain (which holds the
    /// object): equal only to itself, so it never matches a value read.
    /// </summary>
    private static readonly object ReadThroughTheObject = new();

    /// <summary>
    /// The values of <paramref name="inputs"/> into <paramref name="values"/>, or false when one is not a chain this can read
    /// (a missing member, an index). Chains from one variable (<c>card.title</c>, <c>card.url</c>), next to each other in
    /// a partial's sorted inputs, read the variable once; when its value is a model object that stands for its members
    /// (<see cref="PartialKeyValues.StandsForItsMembers"/>), the first of them holds the object and the others a marker,
    /// and no member is read.
    /// </summary>
    public static bool TryReadAll(TemplateContext context, ScriptExpression[] inputs, object?[] values, PartialKeyValues kinds)
    {
        var previous = context.TryGetVariable;
        context.TryGetVariable = ReadUnsetAsMarker;
        try
        {
            var root = default(RootRead);
            for (var i = 0; i < inputs.Length; i++)
            {
                var input = inputs[i];
                if (input is ScriptMemberExpression member && PartialAnalyzer.RootOf(member) is { } variable)
                {
                    var first = !root.IsOf(variable);
                    if (first)
                    {
                        root = RootRead.Of(context, variable, kinds);
                    }

                    if (root.StandsForItsMembers)
                    {
                        values[i] = first ? root.Value : ReadThroughTheObject;
                        continue;
                    }
                }

                if (!TryReadChain(context, input, ref root, kinds, out values[i]))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            context.TryGetVariable = previous;
        }
    }

    private static bool TryReadChain(TemplateContext context, ScriptExpression input, ref RootRead root, PartialKeyValues kinds, out object? value)
    {
        switch (input)
        {
            case ScriptVariableGlobal variable:
                if (!root.IsOf(variable))
                {
                    root = RootRead.Of(context, variable, kinds);
                }

                value = root.Value;
                return true;
            case ScriptMemberExpression { Target: { } target, Member: { } member }:
                if (!TryReadChain(context, target, ref root, kinds, out var owner))
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

    /// <summary>The last variable read from the caller, and its value: reading a variable changes nothing, so the value stands.</summary>
    private readonly record struct RootRead(string? Name, object? Value, bool StandsForItsMembers)
    {
        public static RootRead Of(TemplateContext context, ScriptVariableGlobal variable, PartialKeyValues kinds)
        {
            var value = context.GetValue(variable);
            return new RootRead(variable.Name, value, value is not null && kinds.StandsForItsMembers(value));
        }

        public bool IsOf(ScriptVariableGlobal variable) => string.Equals(Name, variable.Name, StringComparison.Ordinal);
    }

    private sealed class UnsetVariable
    {
        public override string ToString() => "(unset)";
    }
}
