using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class BuildCacheTests
{
    private static BuildCache Sample(string engineVersion) => new()
    {
        EngineVersion = engineVersion,
        InputFingerprint = "INPUTS",
        ValidUntil = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.FromHours(5.5)),
        SiteFingerprint = "SITE",
        // Kept as 128-bit values: one with every bit of its high half set, read back through a signed number.
        PageFingerprints = new(StringComparer.Ordinal) { ["index.html"] = new ContentHash(1, 2), ["café/index.html"] = new ContentHash(ulong.MaxValue, 0x8000_0000_0000_0001), ["b/index.html"] = new ContentHash(2, 3) },
        FileHashes = new Dictionary<string, ContentHash>(StringComparer.Ordinal) { ["index.html"] = new ContentHash(3, 4), ["café/index.html"] = new ContentHash(5, ulong.MaxValue), ["search/meta.json"] = new ContentHash(0, 6) },
        // Two pages of three read the navigation and the sidebar only: the table's default, which b/index.html is not stored for.
        Reads = ReadsTable(
            ("index.html", new(["articles/a.md", "articles/b.md", "articles/c.md"], ["articles/b.md"], ["omar-haddad"], SiteLists.Sections | SiteLists.Breaking)),
            ("café/index.html", new(["articles/café.md"], ["articles/café.md"], ["jane-doe", "omar-haddad"], SiteLists.Categories | SiteLists.Popular)),
            ("b/index.html", new([], [], [], SiteLists.Categories | SiteLists.Popular))),
        Warnings = [new CachedDiagnostic("SN0308", "articles/a.md", 3, 7, "A warning.", IsError: false)],
    };

    private static PageReadsTable ReadsTable(params (string Page, PageReads Reads)[] pages)
    {
        var table = PageReadsTable.Empty();
        foreach (var (page, reads) in pages)
        {
            table.Set(page, reads);
        }

        return table;
    }

    private static List<string> ReadsOf(BuildCache cache) =>
        [.. cache.PageFingerprints.Keys.Order(StringComparer.Ordinal).Select(page => cache.Reads.Of(page)).Zip(cache.PageFingerprints.Keys.Order(StringComparer.Ordinal))
            .Select(p => $"{p.Second}: {string.Join(' ', p.First.Articles)} | {string.Join(' ', p.First.Bodies)} | {string.Join(' ', p.First.Authors)} | {p.First.Lists}")];

    [Fact]
    public void Reads_kept_from_the_last_cache_are_saved_again_under_the_next_caches_numbers()
    {
        using var folder = new TempFolder();
        Sample(EngineIdentity.Version).Save(folder.Path);
        var loaded = BuildCache.Load(folder.Path)!;
        var reads = loaded.Reads.ForNextBuild();
        // The next build renders the home page again, and has a new file first in its table: every number moves.
        reads.Set("index.html", new(["articles/b.md", "articles/d.md"], [], ["lena-park"], SiteLists.None));
        var next = loaded with
        {
            Reads = reads,
            FileHashes = new Dictionary<string, ContentHash>(StringComparer.Ordinal) { ["new/index.html"] = new ContentHash(7, 8), ["index.html"] = new ContentHash(3, 4), ["café/index.html"] = new ContentHash(5, 6) },
            PageFingerprints = new(StringComparer.Ordinal) { ["new/index.html"] = new ContentHash(9, 9), ["index.html"] = new ContentHash(1, 2), ["café/index.html"] = new ContentHash(3, 3) },
        };

        next.Save(folder.Path);
        var again = BuildCache.Load(folder.Path)!;

        Assert.Equal(["café/index.html: articles/café.md | articles/café.md | jane-doe omar-haddad | Categories, Popular", "index.html: articles/b.md articles/d.md |  | lena-park | None", "new/index.html:  |  |  | Categories, Popular"], ReadsOf(again));
        Assert.Equal(SiteLists.Categories | SiteLists.Popular, again.Reads.DefaultLists);
        Assert.Equal(["articles/a.md", "articles/b.md", "articles/c.md"], loaded.Reads.Of("index.html").Articles);
        Assert.True(reads.ReadsABodyAmong(new HashSet<string>(StringComparer.Ordinal) { "articles/café.md" })("café/index.html"));
        Assert.False(reads.ReadsABodyAmong(new HashSet<string>(StringComparer.Ordinal) { "articles/b.md" })("index.html"));
        Assert.True(loaded.Reads.ReadsABodyAmong(new HashSet<string>(StringComparer.Ordinal) { "articles/b.md" })("index.html"));
    }

    [Fact]
    public void What_is_saved_is_what_is_loaded()
    {
        using var folder = new TempFolder();
        var saved = Sample(EngineIdentity.Version);

        saved.Save(folder.Path);
        var loaded = BuildCache.Load(folder.Path);

        Assert.NotNull(loaded);
        Assert.Equal((saved.InputFingerprint, saved.ValidUntil, saved.SiteFingerprint), (loaded.InputFingerprint, loaded.ValidUntil, loaded.SiteFingerprint));
        Assert.Equal(saved.ValidUntil!.Value.Offset, loaded.ValidUntil!.Value.Offset);
        Assert.Equal(saved.PageFingerprints.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.PageFingerprints.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(saved.FileHashes.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.FileHashes.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(ReadsOf(saved), ReadsOf(loaded));
        Assert.Equal(saved.Warnings, loaded.Warnings);
    }

    [Fact]
    public void A_cache_without_a_validity_end_keeps_none()
    {
        using var folder = new TempFolder();
        (Sample(EngineIdentity.Version) with { ValidUntil = null }).Save(folder.Path);

        Assert.Null(BuildCache.Load(folder.Path)!.ValidUntil);
    }

    [Fact]
    public void A_cache_written_by_another_engine_or_damaged_is_not_loaded()
    {
        using var other = new TempFolder();
        Sample("another engine").Save(other.Path);
        using var damaged = new TempFolder();
        Sample(EngineIdentity.Version).Save(damaged.Path);
        var file = Path.Combine(damaged.Path, BuildCache.FileName);
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(file, bytes);

        Assert.Null(BuildCache.Load(other.Path));
        Assert.Null(BuildCache.Load(damaged.Path));
    }

    [Fact]
    public void A_cache_written_aside_is_neither_read_nor_deleted_until_it_is_installed()
    {
        using var folder = new TempFolder();
        var saved = Sample(EngineIdentity.Version) with { Warnings = [] };

        saved.SaveAside(folder.Path);
        BuildCache.Delete(folder.Path);

        Assert.Null(BuildCache.Load(folder.Path));
        Assert.False(BuildCache.SummarySaysUpToDate(folder.Path, saved.InputFingerprint, saved.ValidUntil!.Value.AddDays(-1)));
        saved.Install(folder.Path);
        Assert.Equal(saved.InputFingerprint, BuildCache.Load(folder.Path)!.InputFingerprint);
        Assert.True(BuildCache.SummarySaysUpToDate(folder.Path, saved.InputFingerprint, saved.ValidUntil!.Value.AddDays(-1)));
        Assert.False(File.Exists(Path.Combine(folder.Path, BuildCache.AsideFileName)));
    }
}
