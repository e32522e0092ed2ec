namespace StaticNews.Discovery;

/// <summary>
/// What a walk of the site's folders found: every file a build reads or copies, stamped, in ordinal order; and the links to
/// folders it met, which it does not follow (a link can lead back to a folder that holds it, and the walk would not end).
/// </summary>
internal sealed record SiteListing(IReadOnlyList<FileStamp> Files, IReadOnlyList<string> LinkedFolders);
