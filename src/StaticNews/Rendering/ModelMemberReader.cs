using System.Reflection;

namespace StaticNews.Rendering;

/// <summary>
/// How templates read one member of a model type: through a typed delegate (<see cref="ModelGetters"/>) made on the member's
/// first read, or through reflection where there is none. Made on first read because most of a type's members are never read
/// by a one-article rebuild, and making a delegate costs a few microseconds in the native build (3 to 20 us measured), more
/// than the reads it speeds up there. Two threads reading a member first may both make one; either serves.
/// </summary>
internal sealed class ModelMemberReader
{
    private readonly Type? _declaringType;
    private readonly MethodInfo? _getter;
    private readonly Func<object, object?> _reflected;
    private Func<object, object?>? _read;

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

    public object? Read(object target) => (_read ??= ModelGetters.For(_declaringType!, _getter!) ?? _reflected)(target);
}
