using Scriban.Runtime;

namespace StaticNews.Rendering;

/// <summary>
/// The members of the model's types as Scriban's typed accessor finds and names them (public instance fields, then properties,
/// declared type first, <see cref="ScriptMemberIgnoreAttribute"/> left out, renamed by <see cref="StandardMemberRenamer"/>,
/// the first of a name kept), each with a getter compiled ahead: templates read the model without reflection. In the
/// natively compiled tool, reflection's first read of each property costs a method invoker built from metadata, and finding
/// a type's members reads every member's attributes: 2 to 3 ms of CPU in an edit rendering one article page. The table
/// (ModelMembers.g.cs) is written by a test from the model itself, which fails when it no longer matches.
/// </summary>
internal static partial class ModelMembers
{
    /// <summary>The members of <paramref name="type"/>, if it is one of the model's types; null otherwise.</summary>
    public static IReadOnlyList<ModelMember>? Of(Type type) => Generated.TryGetValue(type, out var members) ? members : null;

    /// <summary>
    /// The members of <paramref name="type"/> as a context with <paramref name="renamer"/> and <paramref name="filter"/> finds
    /// them: the table's where those are Scriban's defaults (<see cref="Of(Type)"/>); null where only reflection can tell.
    /// </summary>
    public static IReadOnlyList<ModelMember>? Of(Type type, MemberRenamerDelegate renamer, MemberFilterDelegate? filter) =>
        filter is null && renamer == StandardMemberRenamer.Default ? Of(type) : null;
}
