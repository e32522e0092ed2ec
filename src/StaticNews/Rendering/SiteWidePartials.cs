using Scriban;

namespace StaticNews.Rendering;

/// <summary>
/// Finds the partials whose output is the same on every page (footer, follow-us links): reusable ones (see
/// <see cref="PartialAnalyzer.IsReusable"/>) that read no variable but <c>site</c>, the helper functions and what they set
/// themselves before reading it, and include only such partials.
/// Their output is rendered once per build and reused, the work peers repeat for every page.
/// </summary>
internal static class SiteWidePartials
{
    private static readonly HashSet<string> SiteWideGlobals = new(StringComparer.Ordinal) { "site" };

    public static IReadOnlySet<string> Find(IReadOnlyDictionary<string, Template> templates, IEnumerable<string> functionNames, IEnumerable<string> builtinNames) =>
        Find(PartialAnalyzer.AnalyseAll(templates), ConstantGlobals(functionNames, builtinNames));

    /// <summary>The globals that hold the same value on every page: the site, the helper functions and Scriban's builtins (not include).</summary>
    public static IReadOnlySet<string> ConstantGlobals(IEnumerable<string> functionNames, IEnumerable<string> builtinNames)
    {
        var allowed = new HashSet<string>(SiteWideGlobals, StringComparer.Ordinal);
        allowed.UnionWith(functionNames);
        allowed.UnionWith(builtinNames);
        allowed.Remove("include");
        return allowed;
    }

    /// <summary>The site-wide partials among the templates of <paramref name="facts"/> (their <see cref="PartialAnalyzer.AnalyseAll">analysis</see>).</summary>
    public static IReadOnlySet<string> Find(IReadOnlyDictionary<string, PartialFacts> facts, IReadOnlySet<string> constantGlobals)
    {
        var siteWide = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, fact) in facts)
            {
                if (!siteWide.Contains(name)
                    && PartialAnalyzer.IsReusable(name, facts)
                    && fact.Includes.All(siteWide.Contains)
                    && PartialAnalyzer.Inputs(fact, constantGlobals).Count == 0)
                {
                    changed |= siteWide.Add(name);
                }
            }
        }
        while (changed);

        return siteWide;
    }
}
