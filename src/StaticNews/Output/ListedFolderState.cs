namespace StaticNews.Output;

/// <summary>How a survey accounted for a listed folder's files.</summary>
internal enum ListedFolderState
{
    /// <summary>Never reached (the folder or a parent is gone): its listed files are missing.</summary>
    Unreached,

    /// <summary>Found carrying its recorded time: its entries are the same as then, so its listed files are present.</summary>
    Unchanged,

    /// <summary>Its entries were read: each listed file is present if the walk met it.</summary>
    Read,
}
