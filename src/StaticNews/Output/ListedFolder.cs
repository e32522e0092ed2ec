namespace StaticNews.Output;

/// <summary>
/// A folder of the output's marker list (one holding listed files, or the parent of one), and what a survey learns of it: the
/// time the last survey recorded, the time found now, and whether its files were taken as present or its entries read.
/// </summary>
internal sealed class ListedFolder(string path)
{
    /// <summary>No time: none recorded, or none found old enough to record.</summary>
    public const long NoTime = long.MinValue;

    private List<string>? _files;
    private List<ListedFolder>? _subfolders;

    /// <summary>Relative, '/'-separated; empty for the output folder itself.</summary>
    public string Path { get; } = path;

    /// <summary>The listed files directly in the folder (relative paths); none for most parents.</summary>
    public IReadOnlyList<string> Files => _files ?? [];

    /// <summary>None for most folders (an article's holds its page alone).</summary>
    public IReadOnlyList<ListedFolder> Subfolders => _subfolders ?? [];

    public long RecordedTime { get; set; } = NoTime;

    /// <summary>The time the survey found, when old enough to be recorded for the next one.</summary>
    public long SettledTime { get; set; } = NoTime;

    /// <summary>The time found by the status call of the survey's visit of the parent, before it is compared.</summary>
    public long FoundTime { get; set; } = NoTime;

    public ListedFolderState State { get; set; }

    /// <summary>Room for one file at first: most folders hold one page (a list's default room for four, made for each of 22,000 folders at 10,000 articles, was 0.5 MiB).</summary>
    public void AddFile(string path) => (_files ??= new List<string>(1)).Add(path);

    public void AddSubfolder(ListedFolder folder) => (_subfolders ??= []).Add(folder);
}
