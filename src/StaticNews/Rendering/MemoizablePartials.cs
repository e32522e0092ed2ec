using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// Finds the partials whose output can be reused between pages with the same inputs, and what those inputs are: reusable
/// partials (see <see cref="PartialAnalyzer.IsReusable"/>) that include only site-wide partials and other memoizable ones.
/// Their inputs come from <see cref="PartialAnalyzer.Inputs"/>, with those of the memoizable partials they include: an
/// included partial reads what its includer's caller set, so it may not read a variable its includer sets (or loop state).
/// </summary>
internal static class MemoizablePartials
{
    /// <summary>The memoizable partials among the templates of <paramref name="facts"/> (their <see cref="PartialAnalyzer.AnalyseAll">analysis</see>), with their inputs.</summary>
    public static IReadOnlyDictionary<string, ScriptExpression[]> Find(IReadOnlyDictionary<string, PartialFacts> facts, IReadOnlySet<string> siteWide, IReadOnlySet<string> constantGlobals)
    {
        var includedSomewhere = facts.Values.SelectMany(f => f.Includes).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, ScriptExpression[]>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, fact) in facts)
            {
                if (result.ContainsKey(name) || !includedSomewhere.Contains(name) || siteWide.Contains(name) || !PartialAnalyzer.IsReusable(name, facts)
                    || !fact.Includes.All(included => siteWide.Contains(included) || result.ContainsKey(included)))
                {
                    continue;
                }

                var nested = fact.Includes.Where(result.ContainsKey).SelectMany(included => result[included]).ToList();
                if (nested.Any(input => RootOf(input) is not { } root || fact.Assigns.Contains(root) || PartialAnalyzer.IsLoopState(root)))
                {
                    continue;
                }

                result[name] = [.. PartialAnalyzer.Union(PartialAnalyzer.Inputs(fact, constantGlobals).Concat(nested))];
                changed = true;
            }
        }
        while (changed);

        return result;
    }

    private static string? RootOf(ScriptExpression input) => input switch
    {
        ScriptVariableGlobal variable => variable.Name,
        ScriptMemberExpression member => PartialAnalyzer.RootOf(member)?.Name,
        _ => null,
    };
}
