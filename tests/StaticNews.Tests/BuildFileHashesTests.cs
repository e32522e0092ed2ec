using System.Collections.Concurrent;
using StaticNews.Discovery;
using StaticNews.Output;

namespace StaticNews.Tests;

/// <summary>A build's file hashes: the ones hashed this build over the previous build's, for this build's files only.</summary>
public sealed class BuildFileHashesTests
{
    [Fact]
    public void Each_file_of_the_build_has_its_new_hash_or_else_the_previous_one_and_no_other_file_has_any()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "a/index.html", "b/index.html", "feed.xml" };
        var (newB, oldA, oldB, oldGone) = (new ContentHash(0, 2), new ContentHash(1, 1), new ContentHash(1, 2), new ContentHash(1, 3));
        var hashed = new ConcurrentDictionary<string, ContentHash>(StringComparer.Ordinal) { ["b/index.html"] = newB };
        var previous = new Dictionary<string, ContentHash>(StringComparer.Ordinal) { ["a/index.html"] = oldA, ["b/index.html"] = oldB, ["gone/index.html"] = oldGone };

        var hashes = new BuildFileHashes(paths, hashed, previous);

        Assert.Equal(
            [("a/index.html", oldA), ("b/index.html", newB)],
            hashes.Select(pair => (pair.Key, pair.Value)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(newB, hashes["b/index.html"]);
        Assert.False(hashes.TryGetValue("gone/index.html", out _));
        Assert.False(hashes.TryGetValue("feed.xml", out _));
        Assert.Throws<KeyNotFoundException>(() => hashes["gone/index.html"]);
    }
}
