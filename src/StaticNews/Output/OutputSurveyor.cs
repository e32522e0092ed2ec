using System.IO.Enumeration;
using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>
/// One walk of a marked output folder against its marker's list (see <see cref="OutputFolder.Survey(string, IReadOnlyDictionary{string, long}?)"/>).
/// <para>
/// A folder still carrying the modification time an earlier survey recorded for it holds the same entries as then: adding,
/// removing or renaming an entry changes the time of the folder holding it. Such a folder's entries are not read again: its
/// listed files are taken as present and only its subfolders are looked at, one status call each. An incremental build of a
/// 10,000-article site thus reads the handful of folders its last build changed, not 20,000.
/// </para>
/// <para>
/// A file system clock ticks coarsely (a few milliseconds on Linux, 2 s on FAT), and a change within the tick of a recorded
/// time would leave it unchanged (the "racy" case git's index guards). So a time is recorded only when it is older than a
/// time the file system's own clock had already passed when the survey started: the output folder's time, which the last
/// build's final step (replacing the marker) set, or failing that the survey's start less <see cref="SettleTime"/>. Any
/// later change to a recorded folder then carries a later time. Builds run seconds apart (a writer saving twice, a benchmark)
/// thus read only the folders the build before changed, not every folder still younger than <see cref="SettleTime"/>.
/// </para>
/// <para>
/// Only the listed folders' times are recorded and trusted: a folder the list has nothing in is read whenever it is met.
/// What the survey learns is kept on the list's folders (<see cref="ListedTree"/>), not in sets of every file and folder:
/// at 10,000 articles an incremental build's survey otherwise spent more on its own bookkeeping than on its 21,000 status calls.
/// </para>
/// </summary>
internal sealed class OutputSurveyor : IDisposable
{
    /// <summary>How old a folder's time must be to be recorded when the output folder's time tells nothing newer: longer than the coarsest file system clock's tick.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    /// <summary>The longest relative path, in characters, put together on the stack; a longer one goes in an array.</summary>
    private const int MaxStackPath = 256;

    private readonly string _root;
    private readonly ListedTree _tree;
    private readonly long _settledBefore;
    private readonly List<string> _foreign = [];

    /// <summary>The listed files of the folders whose entries a walk reads, until the walk meets them.</summary>
    private readonly HashSet<string> _expected = new(StringComparer.Ordinal);
    private readonly List<ListedFolder> _unchanged = [];
    private readonly FolderStatusReader _folderStatus;

    /// <summary>The last folder entry <see cref="StatusOf"/> was asked about (its folder and name), and what it found.</summary>
    private string _lastEntryFolder = string.Empty;
    private char[] _lastEntryName = new char[64];
    private int _lastEntryNameLength = -1;
    private (bool IsPlainFolder, long LastWriteTicks) _lastEntryStatus;
    private readonly EnumerationOptions _options = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };

    private OutputSurveyor(string root, ListedTree tree, DateTime now)
    {
        _root = root;
        _folderStatus = new FolderStatusReader(root);
        _tree = tree;
        _settledBefore = SettledBefore(root, now);
    }

    /// <summary>
    /// The time a folder's time must be older than to be recorded: the output folder's own time, a time the file system's
    /// clock has passed, when it is later than <paramref name="now"/> less <see cref="SettleTime"/>. A time ahead of
    /// <paramref name="now"/> (put there by hand, or by a clock other than this machine's) tells nothing and is not used.
    /// </summary>
    private static long SettledBefore(string root, DateTime now)
    {
        var settled = (now - SettleTime).Ticks;
        var rootTime = Directory.GetLastWriteTimeUtc(root).Ticks;
        return rootTime <= now.Ticks ? Math.Max(settled, rootTime) : settled;
    }

    /// <summary>Surveys the folder at <paramref name="root"/> (full, without a trailing separator) whose marker lists <paramref name="listed"/>.</summary>
    public static OutputSurvey Run(string root, IReadOnlyList<string> listed, IReadOnlyDictionary<string, long>? recordedFolderTimes)
    {
        var tree = new ListedTree(listed);
        foreach (var (path, time) in recordedFolderTimes ?? new Dictionary<string, long>())
        {
            if (tree.Find(path) is { } folder)
            {
                folder.RecordedTime = time;
            }
        }

        return Run(root, listed, tree);
    }

    /// <summary>As the other <see cref="Run(string, IReadOnlyList{string}, IReadOnlyDictionary{string, long}?)"/>, with the times as the build cache keeps them (<see cref="OutputFolderRecord"/>).</summary>
    public static OutputSurvey Run(string root, IReadOnlyList<string> listed, ReadOnlySpan<byte> folderRecord)
    {
        var tree = new ListedTree(listed);
        OutputFolderRecord.ReadInto(folderRecord, tree);
        return Run(root, listed, tree);
    }

    private static OutputSurvey Run(string root, IReadOnlyList<string> listed, ListedTree tree)
    {
        using var surveyor = new OutputSurveyor(root, tree, DateTime.UtcNow);
        surveyor.Walk(tree.Root);
        surveyor._foreign.Sort(StringComparer.Ordinal);
        return new OutputSurvey(surveyor._foreign, surveyor.Missing()) { Listed = listed, Folders = tree };
    }

    /// <summary>
    /// The times to record of the folders holding <paramref name="written"/> below <paramref name="root"/>, a folder a build
    /// has just written whole (a first build's staging folder), for the next build's survey: without them, the first rebuild
    /// after a full one would read every folder. The root's time is first set by the file system's clock (a file created
    /// and deleted in it), so every folder older than it is recorded, by the rule a survey applies.
    /// </summary>
    public static IReadOnlyDictionary<string, long> TimesOfWritten(string root, IEnumerable<string> written)
    {
        // A name of its own, created new: never a file the build wrote.
        var probe = Path.Join(root, $"{OutputFolder.MarkerFileName}.{Guid.NewGuid():N}.clock");
        new FileStream(probe, FileMode.CreateNew).Dispose();
        File.Delete(probe);
        var settledBefore = SettledBefore(root, DateTime.UtcNow);
        // A loop, not Select on the folders (a generic virtual call on what Where gives: see SiteBuilder.ByNameThenId).
        var folders = new List<string>();
        foreach (var folder in new ListedTree(written).Folders)
        {
            folders.Add(folder.Path);
        }

        // One status call per folder (10,000 and more for a large site), the last step of a first build: on every core.
        var folderTimes = new long[folders.Count];
        ParallelWork.For(folders.Count, i => folderTimes[i] = Directory.GetLastWriteTimeUtc(Path.Join(root, folders[i])).Ticks, CancellationToken.None);
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < folders.Count; i++)
        {
            if (folderTimes[i] < settledBefore)
            {
                times[folders[i]] = folderTimes[i];
            }
        }

        return times;
    }

    /// <summary>Closes the output folder this survey held open for its status calls.</summary>
    public void Dispose() => _folderStatus.Dispose();

    /// <summary>
    /// Reads the entries below <paramref name="folder"/>: files and links (to files or folders) are crossed off the list or
    /// are foreign; plain folders are walked in turn, except listed ones unchanged since the last survey, visited after.
    /// </summary>
    private void Walk(ListedFolder folder)
    {
        Read(folder);
        // Paths come straight from the directory entries, without an object or a system call per file.
        var entries = new FileSystemEnumerable<string>(FullPath(folder.Path), (ref FileSystemEntry entry) => RelativePath(ref entry), _options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || !StatusOf(ref entry).IsPlainFolder,
            ShouldRecursePredicate = ShouldWalkInto,
        };

        // A walk meets each path once, so a path it cannot cross off is one the marker does not list.
        try
        {
            foreach (var relative in entries)
            {
                if (!_expected.Remove(relative))
                {
                    _foreign.Add(relative);
                }
            }
        }
        catch (DirectoryNotFoundException) when (folder != _tree.Root)
        {
            // A subfolder removed since its time was read: its listed files stay expected, so they count as gone.
        }

        var unchanged = _unchanged.ToArray();
        _unchanged.Clear();
        foreach (var found in unchanged)
        {
            Visit(found);
        }
    }

    /// <summary>Marks a folder whose entries a walk is about to read: its listed files are expected (and the marker, in the output folder).</summary>
    private void Read(ListedFolder folder)
    {
        folder.State = ListedFolderState.Read;
        var files = folder.Files;
        for (var i = 0; i < files.Count; i++)
        {
            _expected.Add(files[i]);
        }

        if (folder == _tree.Root)
        {
            _expected.Add(OutputFolder.MarkerFileName);
        }
    }

    private bool ShouldWalkInto(ref FileSystemEntry entry)
    {
        var (isPlainFolder, time) = StatusOf(ref entry);
        if (!isPlainFolder)
        {
            return false;
        }

        var folder = FindListed(ref entry);
        if (folder is null)
        {
            // Nothing listed in it: whatever it holds is foreign.
            return true;
        }

        Note(folder, time);
        if (folder.RecordedTime == time)
        {
            _unchanged.Add(folder);
            return false;
        }

        Read(folder);
        return true;
    }

    /// <summary>
    /// Whether the folder entry <paramref name="entry"/> is a plain folder (not a link, still there), and its time: one status
    /// call relative to the output folder, asked once for both of the walk's questions about the entry (whether to list it,
    /// whether to walk into it), instead of .NET's status call through the full path.
    /// </summary>
    private (bool IsPlainFolder, long LastWriteTicks) StatusOf(ref FileSystemEntry entry)
    {
        if (_lastEntryNameLength >= 0 && entry.FileName.SequenceEqual(_lastEntryName.AsSpan(0, _lastEntryNameLength)) && entry.Directory.SequenceEqual(_lastEntryFolder))
        {
            return _lastEntryStatus;
        }

        var relativeLength = RelativeLengthOf(ref entry);
        var relative = relativeLength <= MaxStackPath ? stackalloc char[relativeLength] : new char[relativeLength];
        WriteRelativePath(ref entry, relative);
        _lastEntryStatus = _folderStatus.ReadBelowRoot(relative);
        if (!entry.Directory.SequenceEqual(_lastEntryFolder))
        {
            _lastEntryFolder = entry.Directory.ToString();
        }

        if (_lastEntryName.Length < entry.FileName.Length)
        {
            _lastEntryName = new char[Math.Max(entry.FileName.Length, 2 * _lastEntryName.Length)];
        }

        entry.FileName.CopyTo(_lastEntryName);
        _lastEntryNameLength = entry.FileName.Length;
        return _lastEntryStatus;
    }

    /// <summary>
    /// A folder found with its recorded time: its listed files are present and its subfolders are visited, each by its time.
    /// Should a subfolder not be a plain folder any more (only a changed parent allows it), the folder is walked after all.
    /// </summary>
    private void Visit(ListedFolder folder)
    {
        // Indexed loops: an enumerator over the read-only list would be an object per folder (21,000 at 10,000 articles).
        var subfolders = folder.Subfolders;
        for (var i = 0; i < subfolders.Count; i++)
        {
            var subfolder = subfolders[i];
            var (isPlainFolder, lastWriteTicks) = _folderStatus.ReadBelowRoot(subfolder.Path);
            if (!isPlainFolder)
            {
                Walk(folder);
                return;
            }

            subfolder.FoundTime = lastWriteTicks;
        }

        folder.State = ListedFolderState.Unchanged;
        for (var i = 0; i < subfolders.Count; i++)
        {
            var subfolder = subfolders[i];
            Note(subfolder, subfolder.FoundTime);
            if (subfolder.RecordedTime == subfolder.FoundTime)
            {
                Visit(subfolder);
            }
            else
            {
                Walk(subfolder);
            }
        }
    }

    /// <summary>Records a folder's time for the next survey when it is old enough to be trusted.</summary>
    private void Note(ListedFolder folder, long time)
    {
        if (time < _settledBefore)
        {
            folder.SettledTime = time;
        }
    }

    /// <summary>The listed files found gone: those of folders never reached, and those a walk of their folder did not meet.</summary>
    private HashSet<string> Missing()
    {
        var missing = new HashSet<string>(_expected, StringComparer.Ordinal);
        missing.Remove(OutputFolder.MarkerFileName);
        foreach (var folder in _tree.All)
        {
            if (folder.State == ListedFolderState.Unreached)
            {
                missing.UnionWith(folder.Files);
            }
        }

        return missing;
    }

    private string FullPath(string relative) => relative.Length == 0 ? _root : Path.Join(_root, relative);

    /// <summary>
    /// The listed folder at the path of <paramref name="entry"/>, a folder, found by a span of its relative path: every folder
    /// the walk meets is looked up (the 10,000 article folders in the output of a 10,000-article site), and making each path a
    /// string was 1 MiB of an edit's allocations there.
    /// </summary>
    private ListedFolder? FindListed(ref FileSystemEntry entry)
    {
        if (entry.Directory.Length <= _root.Length)
        {
            return _tree.Find(entry.FileName);
        }

        var length = RelativeLengthOf(ref entry);
        var path = length <= MaxStackPath ? stackalloc char[length] : new char[length];
        WriteRelativePath(ref entry, path);
        return _tree.Find(path);
    }

    /// <summary>The length of <paramref name="entry"/>'s path relative to the output folder.</summary>
    private int RelativeLengthOf(ref FileSystemEntry entry) =>
        entry.Directory.Length <= _root.Length ? entry.FileName.Length : entry.Directory.Length - _root.Length + entry.FileName.Length;

    /// <summary>Writes <paramref name="entry"/>'s path relative to the output folder, with '/' between names, into <paramref name="path"/> (of <see cref="RelativeLengthOf"/>).</summary>
    private void WriteRelativePath(ref FileSystemEntry entry, scoped Span<char> path)
    {
        if (entry.Directory.Length <= _root.Length)
        {
            entry.FileName.CopyTo(path);
            return;
        }

        var parent = entry.Directory[(_root.Length + 1)..];
        parent.CopyTo(path);
        path[parent.Length] = '/';
        entry.FileName.CopyTo(path[(parent.Length + 1)..]);
        path.Replace('\\', '/');
    }

    private string RelativePath(ref FileSystemEntry entry) =>
        Path.Join(entry.Directory.Length > _root.Length ? entry.Directory[(_root.Length + 1)..] : [], entry.FileName).Replace('\\', '/');
}
