using System.Collections.Concurrent;

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

    /// <summary>The kind of <paramref name="value"/>: told apart by a type check for strings and values, by its type's verdict for objects.</summary>
    public PartialKeyValueKind KindOf(object value) =>
        value is string or ValueType ? PartialKeyValueKind.ByValue : _kinds.GetOrAdd(value.GetType(), static type => KindOfObjects(type));

    private static PartialKeyValueKind KindOfObjects(Type type) =>
        typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true
            ? PartialKeyValueKind.NotKeyable
            : PartialKeyValueKind.ByIdentity;
}
