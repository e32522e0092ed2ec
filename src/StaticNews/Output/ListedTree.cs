namespace StaticNews.Output;

/// <summary>The folders of the output's marker list, each with its listed files and subfolders, found by relative path.</summary>
internal sealed class ListedTree
{
    private readonly Dictionary<string, ListedFolder> _folders;
    private readonly Dictionary<string, ListedFolder>.AlternateLookup<ReadOnlySpan<char>> _byspan;

    /// <summary>
    /// Built on every incremental build from the whole list (22,000 files at 10,000 articles): a file's folder is looked up as
    /// a span of its path, and a folder's name made a string once, when the folder is first met. The table starts with room
    /// for as many folders as the list has files (a news site's pages are each alone in a folder): grown from empty, it left
    /// its outgrown tables behind (with a copy of the list, since gone, 1.5 MiB of an edit at 10,000 articles).
    /// </summary>
    public ListedTree(IEnumerable<string> listed)
    {
        _folders = new(listed.TryGetNonEnumeratedCount(out var count) ? count + 1 : 0, StringComparer.Ordinal);
        _byspan = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
        Root = new ListedFolder(string.Empty);
        _folders[string.Empty] = Root;
        foreach (var path in listed)
        {
            var parent = ParentOf(path);
            if (!_byspan.TryGetValue(parent, out var folder))
            {
                folder = Add(parent.ToString());
            }

            folder.AddFile(path);
        }
    }

    /// <summary>The output folder itself.</summary>
    public ListedFolder Root { get; }

    /// <summary>Every folder but the root.</summary>
    public IEnumerable<ListedFolder> Folders => _folders.Values.Where(f => f.Path.Length > 0);

    /// <summary>Every folder, the root included.</summary>
    public IReadOnlyCollection<ListedFolder> All => _folders.Values;

    public ListedFolder? Find(string relative) => _folders.GetValueOrDefault(relative);

    public ListedFolder? Find(ReadOnlySpan<char> relative) => _byspan.TryGetValue(relative, out var folder) ? folder : null;

    /// <summary>Adds <paramref name="path"/> as its parent's subfolder, and its parent as its own parent's, up to the first one known.</summary>
    private ListedFolder Add(string path)
    {
        var added = new ListedFolder(path);
        _folders[path] = added;
        var folder = added;
        while (true)
        {
            var parentPath = ParentOf(folder.Path);
            if (_byspan.TryGetValue(parentPath, out var parent))
            {
                parent.AddSubfolder(folder);
                return added;
            }

            parent = new ListedFolder(parentPath.ToString());
            _folders[parent.Path] = parent;
            parent.AddSubfolder(folder);
            folder = parent;
        }
    }

    private static ReadOnlySpan<char> ParentOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path.AsSpan(0, slash) : [];
}
