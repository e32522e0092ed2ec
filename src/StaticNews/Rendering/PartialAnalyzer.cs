using Scriban;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>Reads a template's syntax tree for what it reads, assigns and includes, without running it.</summary>
internal static class PartialAnalyzer
{
    /// <summary>
    /// The members of Scriban's <c>date</c> object that read no clock: the functions computing a date from the one given, and
    /// the default format. The others (<c>now</c>, <c>utc_now</c>, <c>parse</c>, which fills a missing year from the clock)
    /// read it.
    /// </summary>
    private static readonly HashSet<string> ClockFreeDateMembers = new(StringComparer.Ordinal)
    {
        "add_days", "add_months", "add_years", "add_hours", "add_minutes", "add_seconds", "add_milliseconds", "to_string", "format", "default_format",
    };

    /// <summary>Scriban's functions that run a text as template code: it may read, include or change anything.</summary>
    private static readonly HashSet<string> EvaluatingObjectMembers = new(StringComparer.Ordinal) { "eval", "eval_template" };

    /// <summary>Scriban's loop state ('for.last'), which inside a template's own loop is that loop's.</summary>
    private static readonly HashSet<string> LoopStateVariables = new(StringComparer.Ordinal) { "for", "while", "tablerow" };

    public static IReadOnlyDictionary<string, PartialFacts> AnalyseAll(IReadOnlyDictionary<string, Template> templates)
    {
        var all = new Dictionary<string, PartialFacts>(StringComparer.Ordinal);
        foreach (var (name, template) in templates)
        {
            if (template.Page is { } page)
            {
                all.Add(name, Analyse(page));
            }
        }

        return all;
    }

    /// <summary>
    /// Whether a partial's output may stand in for running it: it changes nothing but variables of its own that no other
    /// template reads, and it includes only partials named literally.
    /// </summary>
    public static bool IsReusable(string name, IReadOnlyDictionary<string, PartialFacts> all)
    {
        var facts = all[name];
        if (facts.HasOtherSideEffects || !facts.AllIncludesLiteral)
        {
            return false;
        }

        var set = facts.Assigns.Except(facts.LoopVariables, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return !all.Any(other => other.Key != name && other.Value.Reads.Overlaps(set));
    }

    /// <summary>
    /// What a partial reads from its caller: the member chains (<c>card.title</c>, <c>page.pager.page_number</c>) read from
    /// variables that are neither constant for the build, its own loop's, nor set by the partial before the read. A chain
    /// whose prefix is also read is left out (the same model object gives the same members).
    /// </summary>
    public static IReadOnlyList<ScriptExpression> Inputs(PartialFacts facts, IReadOnlySet<string> constantGlobals)
    {
        var inputs = new Dictionary<string, ScriptExpression>(StringComparer.Ordinal);
        foreach (var (root, path) in facts.ReadPaths)
        {
            var offset = path.Span.Start.Offset;
            var setBefore = facts.TopLevelAssignmentEnds.TryGetValue(root, out var end) && offset >= end;
            var inOwnLoop = facts.LoopRanges.Any(l => (l.Variable == root || LoopStateVariables.Contains(root)) && offset > l.Start && offset < l.End);
            if (!constantGlobals.Contains(root) && !setBefore && !inOwnLoop)
            {
                inputs.TryAdd(path.ToString() ?? root, path);
            }
        }

        return Outermost(inputs);
    }

    /// <summary>
    /// The inputs of <paramref name="inputs"/> taken together (a partial's own and those of the partials it includes): each
    /// chain once, none whose prefix is also read, sorted by name.
    /// </summary>
    public static IReadOnlyList<ScriptExpression> Union(IEnumerable<ScriptExpression> inputs)
    {
        var byName = new Dictionary<string, ScriptExpression>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            byName.TryAdd(input.ToString() ?? string.Empty, input);
        }

        return Outermost(byName);
    }

    /// <summary>Whether <paramref name="variable"/> is Scriban's loop state (<c>for.first</c>), which is the innermost loop's wherever it is read.</summary>
    public static bool IsLoopState(string variable) => LoopStateVariables.Contains(variable);

    private static List<ScriptExpression> Outermost(Dictionary<string, ScriptExpression> inputs)
    {
        // Loops and an array sort over the chains' names rather than LINQ over the dictionary's pairs, whose value-type
        // instantiations the JIT would compile at every run.
        var chains = new List<string>(inputs.Count);
        foreach (var chain in inputs.Keys)
        {
            if (!inputs.Keys.Any(prefix => chain.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                chains.Add(chain);
            }
        }

        chains.Sort(StringComparer.Ordinal);
        return chains.ConvertAll(chain => inputs[chain]);
    }

    public static PartialFacts Analyse(ScriptPage root)
    {
        var facts = new PartialFacts();
        foreach (var statement in root.Body?.Statements ?? [])
        {
            if (statement is ScriptExpressionStatement { Expression: ScriptAssignExpression { Target: ScriptVariableGlobal assigned } })
            {
                facts.TopLevelAssignmentEnds.TryAdd(assigned.Name, statement.Span.End.Offset);
            }
        }

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

                    for (var i = 1; i < call.Arguments.Count; i++)
                    {
                        stack.Push(call.Arguments[i]);
                    }

                    continue;
                case ScriptAssignExpression assign:
                    NoteAssignment(facts, assign.Target, assign.Value, stack);
                    continue;
                case ScriptCaptureStatement capture:
                    NoteAssignment(facts, capture.Target, capture.Body, stack);
                    continue;
                case ScriptForStatement { Variable: ScriptVariableGlobal loopVariable } loop:
                    facts.Assigns.Add(loopVariable.Name);
                    facts.LoopVariables.Add(loopVariable.Name);
                    facts.LoopRanges.Add((loopVariable.Name, loop.Span.Start.Offset, loop.Span.End.Offset));
                    break;
                case ScriptFunction or ScriptImportStatement or ScriptReadOnlyStatement or ScriptWithStatement or ScriptWrapStatement or ScriptIncrementDecrementExpression:
                    facts.HasOtherSideEffects = true;
                    break;
                case ScriptVariableGlobal variable:
                    facts.Reads.Add(variable.Name);
                    facts.ReadPaths.Add((variable.Name, variable));
                    break;
                case ScriptNamedArgument argument:
                    // In 'limit: 5' only the value is read; the name is the option's.
                    if (argument.Value is not null)
                    {
                        stack.Push(argument.Value);
                    }

                    continue;
                case ScriptMemberExpression member:
                    // In 'a.b.c' only 'a' is a variable; 'b' and 'c' are member names. The whole chain is one read path.
                    if (RootOf(member) is { } chainRoot)
                    {
                        facts.Reads.Add(chainRoot.Name);
                        facts.ReadPaths.Add((chainRoot.Name, member));
                    }
                    else if (member.Target is not null)
                    {
                        stack.Push(member.Target);
                    }

                    continue;
            }

            // By index: the Children property is an iterator, one object per node of every template at every build.
            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    stack.Push(child);
                }
            }
        }

        NoteBuiltinReads(facts);
        return facts;
    }

    /// <summary>
    /// Reads of Scriban's builtins that reach beyond the template's syntax: the clock, through <c>date</c>; anything at all,
    /// through a text evaluated as code (<c>object.eval</c>), which counts as a computed include with side effects.
    /// </summary>
    private static void NoteBuiltinReads(PartialFacts facts)
    {
        foreach (var (root, path) in facts.ReadPaths)
        {
            var member = MemberRead(path);
            if (root == "date" && (member is null || !ClockFreeDateMembers.Contains(member)))
            {
                facts.ReadsClock = true;
            }
            else if (root == "object" && (member is null || EvaluatingObjectMembers.Contains(member)))
            {
                facts.ReadsClock = true;
                facts.AllIncludesLiteral = false;
                facts.HasOtherSideEffects = true;
            }
        }
    }

    /// <summary>The member a read path takes from its root variable (<c>downcase</c> in <c>string.downcase</c>); null for the variable alone.</summary>
    public static string? MemberRead(ScriptExpression path)
    {
        var expression = path;
        while (expression is ScriptMemberExpression member)
        {
            if (member.Target is ScriptVariableGlobal)
            {
                return member.Member?.Name;
            }

            expression = member.Target;
        }

        return null;
    }

    /// <summary>
    /// An assignment or capture: setting a global variable is the template's own business; setting anything else (an object's
    /// member, an index) changes what other pages see. Only the value is read, so only it is walked further.
    /// </summary>
    private static void NoteAssignment(PartialFacts facts, ScriptExpression? target, ScriptNode? value, Stack<ScriptNode> stack)
    {
        if (target is ScriptVariableGlobal assigned)
        {
            facts.Assigns.Add(assigned.Name);
        }
        else
        {
            facts.HasOtherSideEffects = true;
        }

        if (value is not null)
        {
            stack.Push(value);
        }
    }

    /// <summary>The variable a pure member chain starts from, or null when the chain starts from anything else (a call, an index).</summary>
    public static ScriptVariableGlobal? RootOf(ScriptMemberExpression member)
    {
        ScriptExpression? target = member.Target;
        while (target is ScriptMemberExpression inner)
        {
            target = inner.Target;
        }

        return target as ScriptVariableGlobal;
    }
}
