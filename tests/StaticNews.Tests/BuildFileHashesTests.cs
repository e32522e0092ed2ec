using System.Collections.Concurrent;
using StaticNews.Output;

namespace StaticNews.Tests;

/// <summary>A build's file hashes: the ones hashed this build over the previous build's, for this build's files only.</summary>
public sealed class BuildFileHashesTests
{
    [Fact]
    public void Each_file_of_the_build_has_its_new_hash_or_else_the_previous_one_and_no_other_file_has_any()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "a/index.html", "b/index.html", "feed.xml" };
        var hashed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal) { ["b/index.html"] = "NEW-B" };
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { ["a/index.html"] = "OLD-A", ["b/index.html"] = "OLD-B", ["gone/index.html"] = "OLD-GONE" };

        var hashes = new BuildFileHashes(paths, hashed, previous);

        Assert.Equal(
            [("a/index.html", "OLD-A"), ("b/index.html", "NEW-B")],
            hashes.Select(pair => (pair.Key, pair.Value)).Order());
        Assert.Equal("NEW-B", hashes["b/index.html"]);
        Assert.False(hashes.TryGetValue("gone/index.html", out _));
        Assert.False(hashes.TryGetValue("feed.xml", out _));
        Assert.Throws<KeyNotFoundException>(() => hashes["gone/index.html"]);
    }
}
