using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>What one template reads, assigns and includes, as far as its syntax tree shows (see <see cref="PartialAnalyzer"/>).</summary>
internal sealed class PartialFacts
{
    /// <summary>Global variables read, bare or as the start of a member chain.</summary>
    public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

    /// <summary>Global variables assigned, loop variables included.</summary>
    public HashSet<string> Assigns { get; } = new(StringComparer.Ordinal);

    /// <summary>Loop variables of the template's own <c>for</c> statements: Scriban scopes them to the loop.</summary>
    public HashSet<string> LoopVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>The source ranges of the template's loops, by loop variable: inside them the variable is the loop's, not the caller's.</summary>
    public List<(string Variable, int Start, int End)> LoopRanges { get; } = [];

    /// <summary>
    /// Where a top-level statement of the template assigns a variable, by the offset where that statement ends (the first such
    /// statement): reads after it see the template's own value, not the caller's.
    /// </summary>
    public Dictionary<string, int> TopLevelAssignmentEnds { get; } = new(StringComparer.Ordinal);

    /// <summary>Each read of a global: its variable and the outermost member chain read from it (<c>page.pager.page_number</c>).</summary>
    public List<(string Root, ScriptExpression Path)> ReadPaths { get; } = [];

    public HashSet<string> Includes { get; } = new(StringComparer.Ordinal);

    public bool AllIncludesLiteral { get; set; } = true;

    /// <summary>
    /// The template may read the time of the build (<c>date.now</c>, the <c>date</c> object itself, a text evaluated as
    /// template code), so what it prints may change from one build to the next with no input changed.
    /// </summary>
    public bool ReadsClock { get; set; }

    /// <summary>The template changes something besides global variables (object members, functions, imports), so its output cannot be reused.</summary>
    public bool HasOtherSideEffects { get; set; }
}
