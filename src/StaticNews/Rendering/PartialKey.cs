using System.Runtime.CompilerServices;

namespace StaticNews.Rendering;

/// <summary>
/// A partial and the values of everything it reads from its caller. Strings and values of value types (numbers, dates, enums)
/// compare by value; model objects by identity (the model is immutable, so the same object renders the same way).
/// </summary>
internal sealed class PartialKey : IEquatable<PartialKey>
{
    private readonly int _hash;
    private readonly object?[] _values;

    private PartialKey(string partial, object?[] values, int hash)
    {
        Partial = partial;
        _values = values;
        _hash = hash;
    }

    public string Partial { get; }

    /// <summary>
    /// The key of a call of <paramref name="partial"/> (whose name hashes to <paramref name="partialHash"/>) that read
    /// <paramref name="values"/>, or null when one of them may not be part of a key: values a key may hold are scalars, and the
    /// model's objects and lists, which nothing changes once built. Objects a template builds (Scriban's arrays and objects)
    /// can change between calls, so a call reading one is not reused.
    /// </summary>
    public static PartialKey? Of(string partial, int partialHash, object?[] values)
    {
        var hash = new HashCode();
        hash.Add(partialHash);
        foreach (var value in values)
        {
            if (value is null)
            {
                hash.Add(0);
            }
            else if (IsScalar(value))
            {
                hash.Add(value.GetHashCode());
            }
            else if (value is not Delegate && value.GetType().Namespace?.StartsWith("Scriban", StringComparison.Ordinal) != true)
            {
                hash.Add(RuntimeHelpers.GetHashCode(value));
            }
            else
            {
                return null;
            }
        }

        return new PartialKey(partial, values, hash.ToHashCode());
    }

    public bool Equals(PartialKey? other)
    {
        if (other is null || other._hash != _hash || !string.Equals(other.Partial, Partial, StringComparison.Ordinal) || other._values.Length != _values.Length)
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!SameValue(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PartialKey);

    public override int GetHashCode() => _hash;

    private static bool SameValue(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && IsScalar(a) && a.Equals(b));

    /// <summary>A string or a value type: compared by value, and a copy that nothing can change.</summary>
    private static bool IsScalar(object value) => value is string || value.GetType().IsValueType;
}
