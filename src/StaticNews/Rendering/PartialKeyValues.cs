using System.Collections.Concurrent;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// How a value may take part in a partial's key, decided once per type (a page's partial calls read thousands of values of a
/// handful of types): strings and value types by value; the model's objects and lists, which nothing changes once built, by
/// identity; and not at all for what a template builds or calls (Scriban's arrays and objects, functions), which can change
/// between calls.
/// </summary>
internal sealed class PartialKeyValues
{
    private readonly ConcurrentDictionary<Type, PartialKeyValueKind> _kinds = new();
    private readonly ConcurrentDictionary<Type, bool> _modelRecords = new();

    /// <summary>The kind of <paramref name="value"/>: told apart by a type check for strings and values, by its type's verdict for objects.</summary>
    public PartialKeyValueKind KindOf(object value) =>
        value is string or ValueType ? PartialKeyValueKind.ByValue : _kinds.GetOrAdd(value.GetType(), static type => KindOfObjects(type));

    /// <summary>
    /// Whether a key may hold <paramref name="value"/> instead of the members a partial reads from it: one of the model's
    /// records, whose members are the same whenever the record is, other than a page. Every page has its own record, while
    /// many pages share what a partial reads of it (the header of a section), so a page's members are read one by one, as
    /// are those of any other object (two lists or tables with the same items are the same input).
    /// </summary>
    public bool StandsForItsMembers(object value) =>
        value is not (string or ValueType or Page) && _modelRecords.GetOrAdd(value.GetType(), static type => type.Namespace == typeof(Page).Namespace);

    private static PartialKeyValueKind KindOfObjects(Type type) =>
        typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true
            ? PartialKeyValueKind.NotKeyable
            : PartialKeyValueKind.ByIdentity;
}
