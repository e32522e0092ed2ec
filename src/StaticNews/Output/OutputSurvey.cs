namespace StaticNews.Output;

/// <summary>
/// What one walk of a marked output folder found against its marker's list: <paramref name="Foreign"/>, the files the marker
/// does not list (relative, '/'-separated, sorted), and <paramref name="Missing"/>, the listed files that are gone.
/// </summary>
public sealed record OutputSurvey(IReadOnlyList<string> Foreign, IReadOnlySet<string> Missing)
{
    /// <summary>
    /// The modification time (UTC ticks) of each listed folder the survey met, by relative path, for the next survey to pass
    /// back; only times settled enough to be trusted (see <see cref="OutputSurveyor"/>).
    /// </summary>
    public IReadOnlyDictionary<string, long> FolderTimes =>
        field ??= Folders is null ? new Dictionary<string, long>() : SettledFolders().ToDictionary(f => f.Path, f => f.SettledTime, StringComparer.Ordinal);

    /// <summary>The files the marker lists, as the survey read them.</summary>
    public IReadOnlyList<string> Listed { get; init; } = [];

    /// <summary>The marker list's folders, with the times the survey found.</summary>
    internal ListedTree? Folders { get; init; }

    /// <summary>The listed folders whose time the survey found settled, in no particular order.</summary>
    internal IEnumerable<ListedFolder> SettledFolders() =>
        Folders?.All.Where(f => f.Path.Length > 0 && f.SettledTime != ListedFolder.NoTime) ?? [];
}
