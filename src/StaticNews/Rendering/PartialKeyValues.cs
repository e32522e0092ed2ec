using System.Collections.Concurrent;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// How a value may take part in a partial's key, decided once per type (a page's partial calls read thousands of values of a
/// handful of types): strings and value types by value; the model's objects and lists, which nothing changes once built, by
/// identity, and the model's records other than pages standing for the members a partial reads of them; and not at all for
/// what a template builds or calls (Scriban's arrays and objects, functions), which can change between calls.
/// </summary>
internal sealed class PartialKeyValues
{
    private readonly ConcurrentDictionary<Type, PartialKeyValueKind> _kinds = new();

    /// <summary>A string or a value of a value type: compared by value, and a copy that nothing can change.</summary>
    public static bool IsByValue(object value) => value is string or ValueType;

    /// <summary>The kind of <paramref name="value"/>: told apart by a type check for strings and values, by its type's verdict for objects.</summary>
    public PartialKeyValueKind KindOf(object value) =>
        IsByValue(value) ? PartialKeyValueKind.ByValue : _kinds.GetOrAdd(value.GetType(), static type => KindOfObjects(type));

    /// <summary>Whether a key may hold <paramref name="value"/> instead of the members a partial reads from it (<see cref="PartialKeyValueKind.ModelRecord"/>).</summary>
    public bool StandsForItsMembers(object value) => KindOf(value) == PartialKeyValueKind.ModelRecord;

    private static PartialKeyValueKind KindOfObjects(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true)
        {
            return PartialKeyValueKind.NotKeyable;
        }

        return type.Namespace == typeof(Page).Namespace && type != typeof(Page) ? PartialKeyValueKind.ModelRecord : PartialKeyValueKind.ByIdentity;
    }
}
