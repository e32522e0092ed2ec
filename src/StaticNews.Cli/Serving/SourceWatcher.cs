using System.Threading.Channels;
using StaticNews.Discovery;

namespace StaticNews.Cli.Serving;

/// <summary>
/// Watches what a build reads (site.yml, categories.yml and the content folders; never the output folder) and hands
/// changes over in batches: a batch closes once the files have been quiet for a moment, so an editor's
/// write-temp-then-rename or truncate-then-write lands as one change.
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(120);
    private static readonly TimeSpan MaxBatch = TimeSpan.FromSeconds(2);
    private readonly string _root;
    private readonly Channel<(string Path, bool Created)> _changes = Channel.CreateUnbounded<(string Path, bool Created)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, FileSystemWatcher> _folderWatchers = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher _rootWatcher;
    private readonly Lock _gate = new();

    public SourceWatcher(string root)
    {
        _root = Path.GetFullPath(root);
        _rootWatcher = Watch(_root, recursive: false);
        foreach (var folder in SiteLayout.ContentFolders)
        {
            WatchFolder(folder);
        }
    }

    /// <summary>True when a change arrived that no batch has handed over yet.</summary>
    public bool HasPendingChanges => _changes.Reader.TryPeek(out _);

    /// <summary>Waits for the next change, then for quiet; returns the changed paths relative to the site, sorted.</summary>
    public async Task<IReadOnlyList<string>> WaitForChangesAsync(CancellationToken cancellationToken)
    {
        var batch = new Dictionary<string, bool>(StringComparer.Ordinal);
        Add(await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        var deadline = DateTime.UtcNow + MaxBatch;
        while (DateTime.UtcNow < deadline)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(Quiet);
            try
            {
                Add(await _changes.Reader.ReadAsync(quiet.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        while (_changes.Reader.TryRead(out var more))
        {
            Add(more);
        }

        // A file created and gone within the batch is an editor's temporary file, not a change worth naming.
        var changed = batch.Where(p => !(p.Value && !Path.Exists(Path.Combine(_root, p.Key)))).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return changed.Count > 0 ? changed : [.. batch.Keys.Order(StringComparer.Ordinal)];

        void Add((string Path, bool Created) change) => batch[change.Path] = batch.GetValueOrDefault(change.Path, change.Created);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _rootWatcher.Dispose();
            foreach (var watcher in _folderWatchers.Values)
            {
                watcher.Dispose();
            }

            _folderWatchers.Clear();
        }

        _changes.Writer.TryComplete();
    }

    internal static bool IsWatched(string relative)
    {
        if (relative is SiteLayout.SiteConfigFile or SiteLayout.CategoriesFile)
        {
            return true;
        }

        var segments = relative.Split('/');
        if (!SiteLayout.ContentFolders.Contains(segments[0]))
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.StartsWith('.') || segment.EndsWith('~') || segment.StartsWith('#') || segment is "4913")
            {
                return false;
            }
        }

        return !relative.EndsWith(".swp", StringComparison.Ordinal) && !relative.EndsWith(".tmp", StringComparison.Ordinal);
    }

    private void WatchFolder(string folder)
    {
        var full = Path.Combine(_root, folder);
        lock (_gate)
        {
            if (!_folderWatchers.ContainsKey(folder) && Directory.Exists(full))
            {
                _folderWatchers[folder] = Watch(full, recursive: true);
            }
        }
    }

    private void ForgetFolder(string folder)
    {
        lock (_gate)
        {
            if (_folderWatchers.Remove(folder, out var watcher))
            {
                watcher.Dispose();
            }
        }
    }

    private FileSystemWatcher Watch(string folder, bool recursive)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Record(e.FullPath, created: false);
        watcher.Created += (_, e) => Record(e.FullPath, created: true);
        watcher.Deleted += (_, e) => Record(e.FullPath, created: false);
        watcher.Renamed += (_, e) =>
        {
            Record(e.OldFullPath, created: false);
            Record(e.FullPath, created: false);
        };
        watcher.Error += (_, _) => _changes.Writer.TryWrite(("(many files)", false));
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Record(string fullPath, bool created)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (SiteLayout.ContentFolders.Contains(relative))
        {
            // A content folder appeared or went: (re)attach its watcher.
            ForgetFolder(relative);
            WatchFolder(relative);
        }

        if (IsWatched(relative))
        {
            _changes.Writer.TryWrite((relative, created));
        }
    }
}
