namespace StaticNews.Output;

/// <summary>
/// A folder of the output's marker list (one holding listed files, or the parent of one), and what a survey learns of it: the
/// time the last survey recorded, the time found now, and whether its files were taken as present or its entries read.
/// </summary>
internal sealed class ListedFolder(string path)
{
    /// <summary>No time: none recorded, or none found old enough to record.</summary>
    public const long NoTime = long.MinValue;

    /// <summary>The folder's listed file when it has one alone, as most have (an article's page); <see cref="_files"/> once it has more.</summary>
    private string? _file;
    private List<string>? _files;
    private List<ListedFolder>? _subfolders;

    /// <summary>Relative, '/'-separated; empty for the output folder itself.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// The listed files directly in the folder (relative paths); none for most parents. Made on each call for a folder of one
    /// file: a survey asks only for the files of the folders it reads or never reaches, a handful in an edit.
    /// </summary>
    public IReadOnlyList<string> Files => _files ?? (_file is null ? [] : [_file]);

    /// <summary>None for most folders (an article's holds its page alone).</summary>
    public IReadOnlyList<ListedFolder> Subfolders => _subfolders ?? [];

    public long RecordedTime { get; set; } = NoTime;

    /// <summary>The time the survey found, when old enough to be recorded for the next one.</summary>
    public long SettledTime { get; set; } = NoTime;

    /// <summary>The time found by the status call of the survey's visit of the parent, before it is compared.</summary>
    public long FoundTime { get; set; } = NoTime;

    public ListedFolderState State { get; set; }

    /// <summary>
    /// A folder's first file is kept in a field, the others in a list: most folders hold one page, and a list for each (with
    /// its array) was 1.4 MiB of an edit at 10,000 articles.
    /// </summary>
    public void AddFile(string path)
    {
        if (_file is null && _files is null)
        {
            _file = path;
            return;
        }

        _files ??= [_file!];
        _files.Add(path);
    }

    public void AddSubfolder(ListedFolder folder) => (_subfolders ??= []).Add(folder);
}
