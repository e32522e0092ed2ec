namespace StaticNews.Rendering;

/// <summary>How a value read by a partial takes part in the key of its call (<see cref="PartialKeyValues"/>).</summary>
internal enum PartialKeyValueKind
{
    /// <summary>A string or a value of a value type: equal values are the same input.</summary>
    ByValue,

    /// <summary>One of the model's objects or lists: the same object is the same input.</summary>
    ByIdentity,

    /// <summary>An object a template builds or calls: a call reading one is not reused.</summary>
    NotKeyable,
}
