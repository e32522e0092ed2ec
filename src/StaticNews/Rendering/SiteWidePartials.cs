using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// Finds the partials whose output is the same on every page (footer, sidebar, most-popular list): those that read no
/// variable but <c>site</c>, the helper functions and what they assign themselves, and include only such partials.
/// Their output is rendered once per build and reused, the work peers repeat for every page.
/// </summary>
internal static class SiteWidePartials
{
    private static readonly HashSet<string> SiteWideGlobals = new(StringComparer.Ordinal) { "site" };

    public static IReadOnlySet<string> Find(IReadOnlyDictionary<string, Template> templates, IEnumerable<string> functionNames, ScriptObject builtins)
    {
        var allowed = new HashSet<string>(SiteWideGlobals, StringComparer.Ordinal);
        allowed.UnionWith(functionNames);
        allowed.UnionWith(builtins.Keys);
        allowed.Remove("include");

        var facts = templates.Where(t => t.Value.Page is not null).ToDictionary(t => t.Key, t => Analyse(t.Value.Page!), StringComparer.Ordinal);
        var siteWide = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, fact) in facts)
            {
                if (!siteWide.Contains(name)
                    && fact.AllIncludesLiteral
                    && fact.Reads.All(r => allowed.Contains(r) || fact.Assigns.Contains(r))
                    && fact.Includes.All(siteWide.Contains))
                {
                    changed |= siteWide.Add(name);
                }
            }
        }
        while (changed);

        return siteWide;
    }

    private static PartialFacts Analyse(ScriptNode root)
    {
        var facts = new PartialFacts();
        var stack = new Stack<ScriptNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" } } call:
                    if (call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string partial })
                    {
                        facts.Includes.Add(partial);
                    }
                    else
                    {
                        facts.AllIncludesLiteral = false;
                    }

                    continue;
                case ScriptAssignExpression { Target: ScriptVariableGlobal assigned }:
                    facts.Assigns.Add(assigned.Name);
                    break;
                case ScriptForStatement { Variable: ScriptVariableGlobal loopVariable }:
                    facts.Assigns.Add(loopVariable.Name);
                    break;
                case ScriptVariableGlobal variable:
                    facts.Reads.Add(variable.Name);
                    break;
                case ScriptNamedArgument argument:
                    // In 'limit: 5' only the value is read; the name is the option's.
                    if (argument.Value is not null)
                    {
                        stack.Push(argument.Value);
                    }

                    continue;
                case ScriptMemberExpression member:
                    // In 'a.b' only 'a' is a variable; 'b' is a member name.
                    if (member.Target is not null)
                    {
                        stack.Push(member.Target);
                    }

                    continue;
            }

            foreach (var child in node.Children)
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }

        return facts;
    }
}
