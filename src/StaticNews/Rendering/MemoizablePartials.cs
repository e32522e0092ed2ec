using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// Finds the partials whose output can be reused between pages with the same inputs, and what those inputs are: reusable
/// partials (see <see cref="PartialAnalyzer.IsReusable"/>) that include only site-wide partials. Their inputs come from
/// <see cref="PartialAnalyzer.Inputs"/>.
/// </summary>
internal static class MemoizablePartials
{
    /// <summary>The memoizable partials among the templates of <paramref name="facts"/> (their <see cref="PartialAnalyzer.AnalyseAll">analysis</see>), with their inputs.</summary>
    public static IReadOnlyDictionary<string, ScriptExpression[]> Find(IReadOnlyDictionary<string, PartialFacts> facts, IReadOnlySet<string> siteWide, IReadOnlySet<string> constantGlobals)
    {
        var includedSomewhere = facts.Values.SelectMany(f => f.Includes).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, ScriptExpression[]>(StringComparer.Ordinal);
        foreach (var (name, fact) in facts)
        {
            if (includedSomewhere.Contains(name) && !siteWide.Contains(name) && PartialAnalyzer.IsReusable(name, facts) && fact.Includes.All(siteWide.Contains))
            {
                result[name] = [.. PartialAnalyzer.Inputs(fact, constantGlobals)];
            }
        }

        return result;
    }
}
