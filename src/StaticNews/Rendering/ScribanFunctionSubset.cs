using System.Diagnostics.CodeAnalysis;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StaticNews.Rendering;

/// <summary>
/// One of Scriban's builtin function objects (<c>string</c>, <c>array</c>...) holding only the functions the theme's
/// templates name, each imported from the object's class as Scriban imports the whole class. Scriban makes every function of
/// an object by reflection when the object is made, about 80 for <c>string</c>, where the default theme calls two of them.
/// Any other member (one the analysis did not foresee, or one the class's constructor sets itself) is taken from the whole
/// object, made when first asked for: a template reads what Scriban's default gives.
/// </summary>
internal sealed class ScribanFunctionSubset : ScriptObject
{
    private readonly Lazy<ScriptObject> _whole;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The function classes derive from ScriptObject, whose annotation keeps their public members for the import Scriban makes of them whole.")]
    public ScribanFunctionSubset(Type functions, IReadOnlySet<string> names, Lazy<ScriptObject> whole)
        : base(names.Count, autoImportStaticsFromThisType: false)
    {
        _whole = whole;
        this.Import(functions, member => names.Contains(StandardMemberRenamer.Rename(member)), renamer: null);
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value))
        {
            return true;
        }

        if (!_whole.Value.TryGetValue(context, span, member, out value))
        {
            return false;
        }

        // Copied as a context's copy of the whole object would hold it.
        value = value is IScriptObject inner ? inner.Clone(deep: true) : value;
        SetValue(member, value, readOnly: !_whole.Value.CanWrite(member));
        return true;
    }

    public override bool Contains(string member) => base.Contains(member) || _whole.Value.Contains(member);

    public override bool CanWrite(string member) =>
        base.Contains(member) || !_whole.Value.Contains(member) ? base.CanWrite(member) : _whole.Value.CanWrite(member);
}
