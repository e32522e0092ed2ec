using System.IO.Enumeration;

namespace StaticNews.Output;

/// <summary>
/// One walk of a marked output folder against its marker's list (see <see cref="OutputFolder.Survey"/>).
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
/// </summary>
internal sealed class OutputSurveyor
{
    /// <summary>How old a folder's time must be to be recorded when the output folder's time tells nothing newer: longer than the coarsest file system clock's tick.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    private readonly string _root;
    private readonly IReadOnlyList<string> _listed;
    private readonly HashSet<string> _unseen;
    private readonly IReadOnlyDictionary<string, long> _recorded;
    private readonly long _settledBefore;
    private readonly List<string> _foreign = [];
    private readonly Dictionary<string, long> _folderTimes = new(StringComparer.Ordinal);
    private readonly List<string> _unchanged = [];
    private readonly EnumerationOptions _options = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
    private ListedTree? _tree;

    private OutputSurveyor(string root, IReadOnlyList<string> listed, IReadOnlyDictionary<string, long>? recorded, DateTime now)
    {
        _root = root;
        _listed = listed;
        _unseen = new HashSet<string>(listed, StringComparer.Ordinal) { OutputFolder.MarkerFileName };
        _recorded = recorded ?? new Dictionary<string, long>();
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
        var surveyor = new OutputSurveyor(root, listed, recordedFolderTimes, DateTime.UtcNow);
        surveyor.Walk(root);
        surveyor._unseen.Remove(OutputFolder.MarkerFileName);
        surveyor._foreign.Sort(StringComparer.Ordinal);
        return new OutputSurvey(surveyor._foreign, surveyor._unseen) { FolderTimes = surveyor._folderTimes, Listed = listed };
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
        // One status call per folder (10,000 and more for a large site), the last step of a first build: on every core.
        var folders = new ListedTree(written).Folders.ToArray();
        var folderTimes = new long[folders.Length];
        ParallelWork.For(folders.Length, i => folderTimes[i] = Directory.GetLastWriteTimeUtc(Path.Join(root, folders[i])).Ticks, CancellationToken.None);
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < folders.Length; i++)
        {
            if (folderTimes[i] < settledBefore)
            {
                times[folders[i]] = folderTimes[i];
            }
        }

        return times;
    }

    /// <summary>
    /// Reads the entries below <paramref name="folder"/>: files and links (to files or folders) are crossed off the list or
    /// are foreign; plain folders are walked in turn, except those unchanged since the last survey, visited after.
    /// </summary>
    private void Walk(string folder)
    {
        // Paths come straight from the directory entries, without an object or a system call per file.
        var entries = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => RelativePath(ref entry), _options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = ShouldWalkInto,
        };

        // A walk meets each path once, so a path it cannot cross off the list is one the marker does not list.
        try
        {
            foreach (var relative in entries)
            {
                if (!_unseen.Remove(relative))
                {
                    _foreign.Add(relative);
                }
            }
        }
        catch (DirectoryNotFoundException) when (folder != _root)
        {
            // A subfolder removed since its time was read: its listed files stay unseen, so they count as gone.
        }

        var unchanged = _unchanged.ToArray();
        _unchanged.Clear();
        foreach (var relative in unchanged)
        {
            Visit(relative);
        }
    }

    private bool ShouldWalkInto(ref FileSystemEntry entry)
    {
        if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return false;
        }

        // The status the attributes were read from also holds the time: no second call.
        var relative = RelativePath(ref entry);
        var time = entry.LastWriteTimeUtc.UtcTicks;
        Note(relative, time);
        if (_recorded.TryGetValue(relative, out var recorded) && recorded == time)
        {
            _unchanged.Add(relative);
            return false;
        }

        return true;
    }

    /// <summary>
    /// A folder found with its recorded time: its listed files are present and its subfolders are visited, each by its time.
    /// Should a subfolder not be a plain folder any more (only a changed parent allows it), the folder is walked after all.
    /// </summary>
    private void Visit(string relative)
    {
        _tree ??= new ListedTree(_listed);
        var subfolders = new List<(string Relative, long Time)>();
        foreach (var subfolder in _tree.FoldersIn(relative))
        {
            var info = new DirectoryInfo(FullPath(subfolder));
            if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                Walk(FullPath(relative));
                return;
            }

            subfolders.Add((subfolder, info.LastWriteTimeUtc.Ticks));
        }

        foreach (var file in _tree.FilesIn(relative))
        {
            _unseen.Remove(file);
        }

        foreach (var (subfolder, subfolderTime) in subfolders)
        {
            Note(subfolder, subfolderTime);
            if (_recorded.TryGetValue(subfolder, out var recorded) && recorded == subfolderTime)
            {
                Visit(subfolder);
            }
            else
            {
                Walk(FullPath(subfolder));
            }
        }
    }

    /// <summary>Records a folder's time for the next survey when it is old enough to be trusted.</summary>
    private void Note(string relative, long time)
    {
        if (time < _settledBefore)
        {
            _folderTimes[relative] = time;
        }
    }

    private string FullPath(string relative) => Path.Join(_root, relative);

    private string RelativePath(ref FileSystemEntry entry) =>
        Path.Join(entry.Directory.Length > _root.Length ? entry.Directory[(_root.Length + 1)..] : [], entry.FileName).Replace('\\', '/');

    /// <summary>The folders of the marker's list: the files directly in each, and its subfolders.</summary>
    private sealed class ListedTree
    {
        private readonly Dictionary<string, List<string>> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _folders = new(StringComparer.Ordinal);

        /// <summary>
        /// Built on every incremental build from the whole list (22,000 files at 10,000 articles): a file's folder is looked
        /// up as a span of its path, and a folder's name made a string once, when the folder is first met.
        /// </summary>
        public ListedTree(IEnumerable<string> listed)
        {
            var files = _files.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var path in listed)
            {
                var folder = ParentOf(path);
                if (!files.TryGetValue(folder, out var inFolder))
                {
                    var name = folder.ToString();
                    _files[name] = inFolder = [];
                    AddFolder(name);
                }

                inFolder.Add(path);
            }
        }

        /// <summary>Every folder holding a listed file, and their parents (not the root).</summary>
        public IEnumerable<string> Folders => _folders.Keys.Where(f => f.Length > 0);

        public List<string> FilesIn(string folder) => _files.TryGetValue(folder, out var files) ? files : [];

        public List<string> FoldersIn(string folder) => _folders.TryGetValue(folder, out var folders) ? folders : [];

        /// <summary>Records <paramref name="folder"/> as its parent's subfolder, and its parent as its own parent's, up to the first one known.</summary>
        private void AddFolder(string folder)
        {
            if (_folders.ContainsKey(folder))
            {
                return;
            }

            _folders[folder] = [];
            var folders = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
            while (folder.Length > 0)
            {
                if (folders.TryGetValue(ParentOf(folder), out var subfolders))
                {
                    subfolders.Add(folder);
                    return;
                }

                var parent = ParentOf(folder).ToString();
                _folders[parent] = [folder];
                folder = parent;
            }
        }

        private static ReadOnlySpan<char> ParentOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path.AsSpan(0, slash) : [];
    }
}
