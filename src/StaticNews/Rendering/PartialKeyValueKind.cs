namespace StaticNews.Rendering;

/// <summary>How a value read by a partial takes part in the key of its call (<see cref="PartialKeyValues"/>).</summary>
internal enum PartialKeyValueKind
{
    /// <summary>A string or a value of a value type: equal values are the same input.</summary>
    ByValue,

    /// <summary>An object or list of the model, or a page: the same object is the same input.</summary>
    ByIdentity,

    /// <summary>
    /// One of the model's records other than a page: the same record is the same input, and it stands for the members a
    /// partial reads of it, which are the same whenever the record is. Every page has its own record, while many pages share
    /// what a partial reads of it (the header of a section), so a page's members are read one by one, as are those of any
    /// other object (two lists or tables with the same items are the same input).
    /// </summary>
    ModelRecord,

    /// <summary>An object a template builds or calls: a call reading one is not reused.</summary>
    NotKeyable,
}
