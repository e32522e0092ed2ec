using System.Runtime.CompilerServices;

namespace StaticNews.Rendering;

/// <summary>
/// A partial and the values of everything it reads from its caller. Strings and numbers compare by value; model objects by
/// identity (the model is immutable, so the same object renders the same way).
/// </summary>
internal sealed class PartialKey(string partial, object?[] values) : IEquatable<PartialKey>
{
    private readonly int _hash = Hash(partial, values);

    public bool Equals(PartialKey? other)
    {
        if (other is null || other._hash != _hash || !string.Equals(other.Partial, Partial, StringComparison.Ordinal) || other.Values.Length != Values.Length)
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (!SameValue(Values[i], other.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PartialKey);

    public override int GetHashCode() => _hash;

    public string Partial { get; } = partial;

    private object?[] Values { get; } = values;

    /// <summary>
    /// Values a key may hold: scalars, and the model's objects and lists, which nothing changes once built. Objects a template
    /// builds (Scriban's arrays and objects) can change between calls, so a call reading one is not reused.
    /// </summary>
    public static bool IsKeyable(object? value) =>
        value is null || IsScalar(value) || (value is not Delegate && value.GetType().Namespace?.StartsWith("Scriban", StringComparison.Ordinal) != true);

    private static bool SameValue(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && IsScalar(a) && a.Equals(b));

    private static bool IsScalar(object value) => value is string or bool or int or long or double or decimal or DateTime or DateTimeOffset or Enum;

    private static int Hash(string partial, object?[] values)
    {
        var hash = new HashCode();
        hash.Add(partial, StringComparer.Ordinal);
        foreach (var value in values)
        {
            hash.Add(value is null ? 0 : IsScalar(value) ? value.GetHashCode() : RuntimeHelpers.GetHashCode(value));
        }

        return hash.ToHashCode();
    }
}
