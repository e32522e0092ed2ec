using CsCheck;
using StaticNews.Discovery;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// On Linux the site's files are stamped by listing folders and asking each entry's status relative to its folder. It must
/// find exactly what the walk over .NET's enumeration finds: the same files with the same sizes and times to the tick, the
/// same links to folders, the same names passed over.
/// </summary>
public sealed class LinuxFolderWalkTests
{
    private static readonly string[] SiteFolders = ["articles", "authors", "data", "templates", "static", "elsewhere"];

    private static readonly string[] FolderNames = ["news", "World", "eu", "deep", ".git", "old~", "#scratch", "ñandú", "with space"];

    private static readonly string[] FileNames =
    [
        "a.md", "B.md", "c.MD", "notes.txt", "index.html", "popular.yml", "style.css", ".hidden.md", "draft.md~", "#auto.md#",
        "notes.md.swp", "copy.md.tmp", "Ünïcode.md", "with space.md", "md", "x.md.bak",
    ];

    [Fact]
    public void Stamping_through_folder_listings_finds_what_dotnets_enumeration_finds_on_generated_trees()
    {
        Assert.Equal(OperatingSystem.IsLinux() && Environment.Is64BitProcess, LinuxFolderWalk.IsAvailable);
        if (!LinuxFolderWalk.IsAvailable)
        {
            return;
        }

        var seen = new Seen();
        Gen.Int.Sample(
            seed =>
            {
                using var temp = new TempFolder();
                var made = MakeTree(temp.Path, new Random(seed));

                var direct = SiteDiscoverer.StampAll(temp.Path, linuxWalk: true);
                var enumerated = SiteDiscoverer.StampAll(temp.Path, linuxWalk: false);

                Assert.Equal(enumerated.Files, direct.Files);
                Assert.Equal(enumerated.LinkedFolders, direct.LinkedFolders);
                Assert.DoesNotContain(direct.Files, f => made.PassedOver.Contains(f.Path));
                seen.Add(made, direct);
            },
            iter: 120,
            threads: 1);

        // The trees held every case the walk must tell apart, and both walks listed them.
        Assert.True(seen.Files > 500, $"{seen.Files} files stamped");
        Assert.True(seen.LinkedFolders > 20, $"{seen.LinkedFolders} links to folders");
        Assert.True(seen.LinksToFiles > 20, $"{seen.LinksToFiles} links to files stamped");
        Assert.True(seen.BrokenLinks > 20, $"{seen.BrokenLinks} broken links stamped");
        Assert.True(seen.Nested > 100, $"{seen.Nested} files in subfolders");
        Assert.True(seen.PassedOver > 200, $"{seen.PassedOver} hidden files, editor leftovers and files in hidden folders");
    }

    [Fact]
    public void Without_types_from_the_listing_each_entry_is_told_apart_by_its_status_alike()
    {
        if (!LinuxFolderWalk.IsAvailable)
        {
            return;
        }

        Gen.Int.Sample(
            seed =>
            {
                using var temp = new TempFolder();
                MakeTree(temp.Path, new Random(seed));
                foreach (var folder in SiteFolders)
                {
                    var path = Path.Combine(temp.Path, folder);
                    if (!Directory.Exists(path))
                    {
                        continue;
                    }

                    var typed = Walk(path, subfolders: true, typesFromListing: true);
                    var untyped = Walk(path, subfolders: true, typesFromListing: false);

                    Assert.Equal(typed.Files, untyped.Files);
                    Assert.Equal(typed.Links, untyped.Links);
                    Assert.Equal(typed.Subfolders, untyped.Subfolders);
                    Assert.Equal(Walk(path, subfolders: false, typesFromListing: true).Files, Walk(path, subfolders: false, typesFromListing: false).Files);
                }
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public void A_walk_passes_over_what_it_is_told_to_and_never_walks_a_folders_own_and_parent_entries()
    {
        if (!LinuxFolderWalk.IsAvailable)
        {
            return;
        }

        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "news", ".git"));
        File.WriteAllText(Path.Combine(temp.Path, "top.md"), "top");
        File.WriteAllText(Path.Combine(temp.Path, ".hidden.md"), "hidden");
        File.WriteAllText(Path.Combine(temp.Path, "news", "a.md"), "a");
        File.WriteAllText(Path.Combine(temp.Path, "news", ".git", "b.md"), "b");
        File.WriteAllText(Path.Combine(temp.Path, "news", "skip-me.md"), "c");

        var everything = Walk(temp.Path, subfolders: false, typesFromListing: true, skipped: _ => false);
        var some = Walk(temp.Path, subfolders: false, typesFromListing: true, skipped: name => name == "skip-me.md", listed: name => name.EndsWith(".md", StringComparison.Ordinal) && name != "top.md");
        var firstLevel = Walk(temp.Path, subfolders: true, typesFromListing: true, skipped: _ => false);

        Assert.Equal(["x/.hidden.md", "x/news/.git/b.md", "x/news/a.md", "x/news/skip-me.md", "x/top.md"], everything.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["x/.hidden.md", "x/news/.git/b.md", "x/news/a.md"], some.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["x/.hidden.md", "x/top.md"], firstLevel.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["news"], firstLevel.Subfolders);
        Assert.All(everything.Files, f => Assert.Equal(new FileInfo(Path.Combine(temp.Path, f.Path[2..])).LastWriteTimeUtc.Ticks, f.LastWriteTicks));
    }

    private static (List<FileStamp> Files, List<string> Links, List<string> Subfolders) Walk(
        string path,
        bool subfolders,
        bool typesFromListing,
        Func<string, bool>? skipped = null,
        Func<string, bool>? listed = null)
    {
        var files = new List<FileStamp>();
        var links = new List<string>();
        var found = subfolders ? new List<string>() : null;
        Assert.True(LinuxFolderWalk.TryWalk(
            path,
            "x/",
            found,
            skipped ?? (name => name.StartsWith('.') || name.EndsWith('~') || name.StartsWith('#')),
            listed ?? (_ => true),
            files,
            links,
            typesFromListing));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        links.Sort(StringComparer.Ordinal);
        found?.Sort(StringComparer.Ordinal);
        return (files, links, found ?? []);
    }

    /// <summary>A site-shaped tree of folders, files (of several sizes and times), links to files and folders, and broken links.</summary>
    private static Made MakeTree(string root, Random random)
    {
        Directory.CreateDirectory(root);
        var folders = new List<string>();
        foreach (var top in SiteFolders)
        {
            if (top != "articles" && random.Next(6) == 0)
            {
                continue;
            }

            folders.Add(top);
            for (var i = random.Next(4); i > 0; i--)
            {
                var parent = folders[random.Next(folders.Count)];
                if (!parent.StartsWith(top, StringComparison.Ordinal) || parent.Count(c => c == '/') >= 3)
                {
                    parent = top;
                }

                folders.Add(parent + "/" + FolderNames[random.Next(FolderNames.Length)]);
            }
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        File.WriteAllText(Path.Combine(root, "site.yml"), "title: T\n");
        var files = new List<string>();
        for (var i = random.Next(5, 25); i > 0; i--)
        {
            var path = folders[random.Next(folders.Count)] + "/" + FileNames[random.Next(FileNames.Length)];
            var full = Path.Combine(root, path);
            File.WriteAllText(full, new string('x', random.Next(0, 400)));
            if (random.Next(3) == 0)
            {
                // Times before 1970, long ago and to the tick, besides the file system's own (which carry nanoseconds).
                File.SetLastWriteTimeUtc(full, new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 365 * 100)));
            }

            files.Add(path);
        }

        var made = new Made();
        foreach (var path in files)
        {
            var parts = path.Split('/');
            if (parts.Any(part => part.StartsWith('.') || part.StartsWith('#') || part.EndsWith('~')) || parts[^1].EndsWith(".swp", StringComparison.Ordinal) || parts[^1].EndsWith(".tmp", StringComparison.Ordinal))
            {
                made.PassedOver.Add(path);
            }
        }

        for (var i = random.Next(1, 7); i > 0; i--)
        {
            var link = Path.Combine(root, folders[random.Next(folders.Count)], "link-" + random.Next(1000) + (random.Next(2) == 0 ? ".md" : string.Empty));
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null)
            {
                continue;
            }

            switch (random.Next(3))
            {
                case 0:
                    Directory.CreateSymbolicLink(link, Path.Combine(root, folders[random.Next(folders.Count)]));
                    break;
                case 1 when files.Count > 0:
                    File.CreateSymbolicLink(link, Path.Combine(root, files[random.Next(files.Count)]));
                    made.LinksToFiles.Add(link);
                    break;
                default:
                    File.CreateSymbolicLink(link, Path.Combine(root, "gone", "nothing.md"));
                    made.BrokenLinks.Add(link);
                    break;
            }
        }

        return made;
    }

    private sealed class Made
    {
        /// <summary>Files a walk must pass over: hidden, an editor's leftover, or in a hidden or ignored folder.</summary>
        public HashSet<string> PassedOver { get; } = new(StringComparer.Ordinal);

        public List<string> LinksToFiles { get; } = [];

        public List<string> BrokenLinks { get; } = [];
    }

    /// <summary>What the generated trees held, over all samples.</summary>
    private sealed class Seen
    {
        public int Files { get; private set; }

        public int LinkedFolders { get; private set; }

        public int LinksToFiles { get; private set; }

        public int BrokenLinks { get; private set; }

        public int Nested { get; private set; }

        public int PassedOver { get; private set; }

        public void Add(Made made, SiteListing listing)
        {
            var paths = listing.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            Files += listing.Files.Count;
            LinkedFolders += listing.LinkedFolders.Count;
            Nested += listing.Files.Count(f => f.Path.Count(c => c == '/') >= 2);
            LinksToFiles += made.LinksToFiles.Count(link => paths.Any(p => link.EndsWith(p, StringComparison.Ordinal)));
            BrokenLinks += made.BrokenLinks.Count(link => paths.Any(p => link.EndsWith(p, StringComparison.Ordinal)));
            PassedOver += made.PassedOver.Count;
        }
    }
}
