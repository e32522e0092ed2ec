using System.Reflection;

namespace StaticNews.Rendering;

/// <summary>
/// How templates read one member of a model type: through a typed delegate (<see cref="ModelGetters"/>) made once the member
/// has been read <see cref="ReadsBeforeDelegate"/> times, through reflection until then and where there is none. Made late
/// because most of a type's members are never read by a one-article rebuild, or read once or twice, and making a delegate
/// costs a few microseconds in the native build (3 to 20 us measured), more than the reads it speeds up there. Two threads
/// reading a member at once may both make one; either serves.
/// </summary>
internal sealed class ModelMemberReader
{
    /// <summary>
    /// Reads through reflection before the delegate is made: a one-article rebuild reads most members it reads at all once or
    /// twice, where a delegate's making costs as much as a few dozen reflected reads.
    /// </summary>
    internal const int ReadsBeforeDelegate = 32;

    private readonly Type? _declaringType;
    private readonly MethodInfo? _getter;
    private readonly Func<object, object?> _reflected;
    private Func<object, object?>? _read;
    private int _reflectedReads;

    /// <summary>A member read through reflection only (a field, or a property when typed delegates are not wanted).</summary>
    public ModelMemberReader(Func<object, object?> reflected)
    {
        _reflected = reflected;
        _read = reflected;
    }

    /// <summary>A property read through a typed delegate where <see cref="ModelGetters"/> has one, else through <paramref name="property"/>.</summary>
    public ModelMemberReader(Type declaringType, PropertyInfo property, MethodInfo getter)
    {
        _declaringType = declaringType;
        _getter = getter;
        _reflected = property.GetValue;
    }

    /// <summary>Whether the reader has settled on how to read: its delegate made, or reflection where there is none.</summary>
    internal bool HasSettled => _read is not null;

    public object? Read(object target)
    {
        if (_read is { } read)
        {
            return read(target);
        }

        // Racy on purpose: two threads may count the same read, and both make the delegate; either serves.
        if (++_reflectedReads < ReadsBeforeDelegate)
        {
            return _reflected(target);
        }

        return (_read = ModelGetters.For(_declaringType!, _getter!) ?? _reflected)(target);
    }
}
