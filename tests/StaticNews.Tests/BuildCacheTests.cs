using Scriban;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Rendering;
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
        TemplateFacts = AnalysedTemplates(),
    };

    /// <summary>
    /// A template with every kind of fact (a top-level assignment, loops and their state, a capture, the clock, literal and
    /// computed includes, a function defined), and each template of the default theme.
    /// </summary>
    private static Dictionary<string, AnalysedTemplate> AnalysedTemplates()
    {
        const string everyFact = "{{ x = page.title }}{{ for card in page.articles }}{{ card.author.name }}{{ for.index }}{{ end }}"
            + "{{ capture y }}{{ date.now.year }}{{ end }}{{ include 'partials/a.html' }}{{ include name }}{{ func f; ret 1; end }}{{ site.name }}";
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["every-fact.html"] = everyFact };
        foreach (var (name, read) in EmbeddedTheme.Files().Where(f => f.Name.EndsWith(".html", StringComparison.Ordinal)))
        {
            texts[name] = System.Text.Encoding.UTF8.GetString(read().Span);
        }

        return texts.ToDictionary(t => t.Key, t => new AnalysedTemplate(AnalysedTemplate.HashOf(t.Value), PartialAnalyzer.Analyse(Template.Parse(t.Value, t.Key).Page!)), StringComparer.Ordinal);
    }

    /// <summary>Every fact of each template, as text.</summary>
    private static List<string> FactsOf(BuildCache cache) =>
        [.. cache.TemplateFacts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value.TextHash}: " + Describe(t.Value.Facts))];

    private static string Describe(PartialFacts facts) => string.Join(" | ",
        string.Join(' ', facts.Reads.Order(StringComparer.Ordinal)),
        string.Join(' ', facts.Assigns.Order(StringComparer.Ordinal)),
        string.Join(' ', facts.LoopVariables.Order(StringComparer.Ordinal)),
        string.Join(' ', facts.Includes.Order(StringComparer.Ordinal)),
        string.Join(' ', facts.LoopRanges.Select(l => $"{l.Variable}@{l.Start}-{l.End}")),
        string.Join(' ', facts.TopLevelAssignmentEnds.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}@{a.Value}")),
        string.Join(' ', facts.ReadPaths.Select(p => $"{p.Root}:{string.Join('/', p.Members)}@{p.Offset}")),
        $"{facts.AllIncludesLiteral} {facts.ReadsClock} {facts.HasOtherSideEffects}");

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
        Assert.Equal(FactsOf(saved), FactsOf(loaded));
        // The sample has every kind of fact, so none is left out of what is saved unseen.
        var every = saved.TemplateFacts["every-fact.html"].Facts;
        Assert.All(new[] { every.Reads.Count, every.Assigns.Count, every.LoopVariables.Count, every.Includes.Count, every.LoopRanges.Count, every.TopLevelAssignmentEnds.Count, every.ReadPaths.Count }, count => Assert.NotEqual(0, count));
        Assert.Equal((false, true, true), (every.AllIncludesLiteral, every.ReadsClock, every.HasOtherSideEffects));
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
