using System.Collections;
using StaticNews.Discovery;

namespace StaticNews.Output;

/// <summary>
/// The hash of every file of a build, by path: those hashed as they were added, the others (added as unchanged) as the
/// previous build recorded them. A view, so the files an edit keeps (nearly all) are not copied one by one into a table of
/// their own; complete once every file of <paramref name="paths"/> was added.
/// </summary>
internal sealed class BuildFileHashes(IReadOnlySet<string> paths, IReadOnlyDictionary<string, ContentHash> hashed, IReadOnlyDictionary<string, ContentHash>? previous)
    : IReadOnlyDictionary<string, ContentHash>
{
    public int Count => paths.Count;

    public IEnumerable<string> Keys => paths;

    public IEnumerable<ContentHash> Values => this.Select(pair => pair.Value);

    public ContentHash this[string key] => TryGetValue(key, out var hash) ? hash : throw new KeyNotFoundException($"'{key}' is not a file of the build.");

    public bool ContainsKey(string key) => paths.Contains(key);

    public bool TryGetValue(string key, out ContentHash value)
    {
        value = default;
        return paths.Contains(key) && TryFind(key, out value);
    }

    public IEnumerator<KeyValuePair<string, ContentHash>> GetEnumerator()
    {
        foreach (var path in paths)
        {
            if (TryFind(path, out var hash))
            {
                yield return new KeyValuePair<string, ContentHash>(path, hash);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryFind(string path, out ContentHash value)
    {
        value = default;
        return hashed.TryGetValue(path, out value) || (previous is not null && previous.TryGetValue(path, out value));
    }
}
