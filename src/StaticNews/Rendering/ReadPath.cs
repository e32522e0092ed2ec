using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// One read of a global variable in a template: the variable, the member chain read from it (<c>page.pager.page_number</c>
/// is <c>page</c> with <c>pager</c>, <c>page_number</c>), and where the read starts in the template's text. Plain data, so
/// that what a template reads can be kept in the build cache and the template left unparsed by a build that renders none
/// of its pages (see <see cref="ParsedTemplates"/>).
/// </summary>
internal sealed class ReadPath
{
    public ReadPath(string root, string[] members, int offset)
    {
        Root = root;
        Members = members;
        Offset = offset;
        Chain = members.Length == 0 ? root : root + "." + string.Join('.', members);
    }

    /// <summary>The global variable read.</summary>
    public string Root { get; }

    /// <summary>The members read from it, outermost last; none for the variable alone.</summary>
    public string[] Members { get; }

    /// <summary>The offset in the template's text where the read starts.</summary>
    public int Offset { get; }

    /// <summary>The read as written: the variable and its members, joined by dots.</summary>
    public string Chain { get; }

    /// <summary>The member taken from the variable (<c>downcase</c> in <c>string.downcase</c>); null for the variable alone.</summary>
    public string? MemberRead => Members.Length == 0 ? null : Members[0];

    /// <summary>The read of <paramref name="variable"/> alone.</summary>
    public static ReadPath Of(ScriptVariableGlobal variable) => new(variable.Name, [], variable.Span.Start.Offset);

    /// <summary>
    /// The read of a pure member chain from <paramref name="root"/>; where a member has no name (never in a template that
    /// parsed) the chain stops before it, as a read of more than the chain would.
    /// </summary>
    public static ReadPath Of(ScriptMemberExpression chain, ScriptVariableGlobal root)
    {
        var members = new List<string>();
        ScriptExpression? expression = chain;
        while (expression is ScriptMemberExpression member)
        {
            if (member.Member?.Name is not { } name)
            {
                members.Clear();
            }
            else
            {
                members.Add(name);
            }

            expression = member.Target;
        }

        members.Reverse();
        return new ReadPath(root.Name, [.. members], chain.Span.Start.Offset);
    }

    /// <summary>The read as a Scriban expression, which a template context evaluates as the template would (see <see cref="PartialInput"/>).</summary>
    public ScriptExpression ToExpression()
    {
        ScriptExpression expression = new ScriptVariableGlobal(Root);
        foreach (var member in Members)
        {
            expression = new ScriptMemberExpression { Target = expression, Member = new ScriptVariableGlobal(member) };
        }

        return expression;
    }

    public override string ToString() => Chain;
}
