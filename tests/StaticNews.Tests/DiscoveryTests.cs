using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Parsing;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Hidden_files_editor_leftovers_and_other_extensions_are_not_read_and_the_rest_is_in_ordinal_order()
    {
        using var site = TempSite.Create(string.Empty);
        var article = "---\ntitle: T\ndate: 2026-03-01\nauthor: jane-doe\ncategory: culture\n---\nBody.\n";
        foreach (var path in new[]
        {
            "articles/world/b.md", "articles/a.md", "articles/World/c.md", "articles/z-last.md",
            "articles/.hidden.md", "articles/draft.md~", "articles/#autosave.md", "articles/notes.md.swp", "articles/copy.md.tmp",
            "articles/readme.txt", "articles/.git/x.md", "articles/old~/y.md", "articles/#scratch/z.md", "articles/world/.cache/w.md",
        })
        {
            site.Write(path, article);
        }

        var sources = await SiteDiscoverer.DiscoverAsync(site.Root, new DiagnosticBag());

        Assert.Equal(["articles/World/c.md", "articles/a.md", "articles/world/b.md", "articles/z-last.md"], sources.Articles.Select(a => a.Path));
    }

    [Fact]
    public async Task Reading_from_the_files_stamped_before_finds_what_listing_the_folders_finds()
    {
        using var site = TempSite.Create(string.Empty);
        var article = "---\ntitle: T\ndate: 2026-03-01\nauthor: jane-doe\ncategory: culture\n---\nBody.\n";
        foreach (var path in new[] { "articles/b.md", "articles/world/a.md", "articles/notes.txt", "data/popular.yml", "static/logo.svg", "templates/partials/extra.html", "articles/.hidden.md" })
        {
            site.Write(path, article);
        }

        var listed = await SiteDiscoverer.DiscoverAsync(site.Root, new DiagnosticBag());
        var stamped = SiteDiscoverer.Discover(site.Root, SiteDiscoverer.StampAll(site.Root), unchanged: null, new DiagnosticBag());

        Assert.Equal(listed.Articles.Select(a => a.Path), stamped.Articles.Select(a => a.Path));
        Assert.Equal(listed.Authors.Select(a => a.Path), stamped.Authors.Select(a => a.Path));
        Assert.Equal(listed.Data.Keys.Order(StringComparer.Ordinal), stamped.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(listed.StaticFiles.Select(f => f.OutputPath), stamped.StaticFiles.Select(f => f.OutputPath));
        Assert.Equal(listed.Templates.Keys, stamped.Templates.Keys);
        Assert.Equal(["articles/b.md", "articles/world/a.md"], stamped.Articles.Select(a => a.Path));
        Assert.Contains("partials/extra.html", stamped.Templates.Keys);
    }

    [Fact]
    public async Task Folders_are_walked_to_every_level_and_links_to_folders_are_reported_not_followed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var site = TempSite.Create(string.Empty);
        var article = "---\ntitle: T\ndate: 2026-03-01\nauthor: jane-doe\ncategory: culture\n---\nBody.\n";
        foreach (var path in new[] { "articles/top.md", "articles/politics/a.md", "articles/politics/eu/deep/b.md", "articles/sport/c.md", "elsewhere/outside.md" })
        {
            site.Write(path, article);
        }

        Directory.CreateSymbolicLink(Path.Combine(site.Root, "articles", "linked"), Path.Combine(site.Root, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "articles", "politics", "eu", "linked"), Path.Combine(site.Root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "articles", "sport", "alias.md"), Path.Combine(site.Root, "articles", "top.md"));

        var diagnostics = new DiagnosticBag();
        var listed = await SiteDiscoverer.DiscoverAsync(site.Root, diagnostics);
        var stamps = SiteDiscoverer.StampAll(site.Root);

        string[] expected = ["articles/politics/a.md", "articles/politics/eu/deep/b.md", "articles/sport/alias.md", "articles/sport/c.md", "articles/top.md"];
        Assert.Equal(expected, listed.Articles.Select(a => a.Path));
        Assert.Equal(expected, stamps.Files.Select(s => s.Path).Where(p => p.StartsWith("articles/", StringComparison.Ordinal)));
        Assert.All(stamps.Files.Where(s => s.Path.StartsWith("articles/", StringComparison.Ordinal)), s => Assert.Equal(article.Length, s.Length));
        Assert.Equal(["articles/linked", "articles/politics/eu/linked"], stamps.LinkedFolders);
        var warnings = diagnostics.ToSortedList();
        Assert.Equal(["articles/linked", "articles/politics/eu/linked"], warnings.Select(d => d.Location.Path));
        Assert.All(warnings, d => Assert.Equal("SN0007", d.Code));
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public async Task Links_that_lead_back_to_their_own_folders_end_in_warnings_not_in_an_endless_walk()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var site = TempSite.Create(string.Empty);
        site.Write("articles/culture/a.md", "---\ntitle: T\ndate: 2026-03-01\nauthor: jane-doe\ncategory: culture\n---\nBody.\n");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "articles", "culture", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "articles", "culture", "again"), "..");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "articles", "root"), site.Root);

        var diagnostics = new DiagnosticBag();
        var sources = await SiteDiscoverer.DiscoverAsync(site.Root, diagnostics).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["articles/culture/a.md"], sources.Articles.Select(a => a.Path));
        Assert.Equal(["articles/culture/again", "articles/culture/up", "articles/root"], diagnostics.ToSortedList().Select(d => d.Location.Path));
    }

    [Fact]
    public void An_article_taken_as_unchanged_is_read_only_when_asked_for_and_fails_if_it_changed_after_all()
    {
        using var site = TempSite.Create(string.Empty);
        site.Write("articles/a.md", "---\ntitle: A\n---\nBody.\n");
        site.Write("articles/b.md", "---\ntitle: B\n---\nBody.\n");
        var split = new SplitFacts(2, 4, 18, "Y", "B");
        var unchanged = new Dictionary<string, UnchangedSource>
        {
            ["articles/a.md"] = new(ContentHash.Of(File.ReadAllBytes(Path.Combine(site.Root, "articles", "a.md"))), split),
            ["articles/b.md"] = new(ContentHash.Of("---\ntitle: B (before)\n---\nBody.\n"u8), split),
        };

        var sources = SiteDiscoverer.Discover(site.Root, SiteDiscoverer.StampAll(site.Root), unchanged, new DiagnosticBag());

        var (a, b) = (sources.Articles[0], sources.Articles[1]);
        Assert.Equal((unchanged["articles/a.md"], false), (a.Unchanged, a.WasRead));
        Assert.Equal("---\ntitle: A\n---\nBody.\n", Encoding.UTF8.GetString(a.Bytes.Span));
        Assert.True(a.WasRead);
        var changed = Assert.Throws<IOException>(() => b.Bytes);
        Assert.Contains("articles/b.md changed while the site was being built", changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_of_the_site_is_stamped_in_ordinal_order_the_root_files_among_the_folders()
    {
        using var site = TempSite.Create(string.Empty);
        foreach (var path in new[] { "articles/world-cup/a.md", "articles/world/b.md", "articles/World/c.md", "authors/jane.md", "data/popular.yml", "static/a.svg", "templates/partials/x.html", "templates/home.html" })
        {
            site.Write(path, "x");
        }

        var paths = SiteDiscoverer.StampAll(site.Root).Files.Select(s => s.Path).ToList();

        Assert.Contains("site.yml", paths);
        Assert.Contains("categories.yml", paths);
        Assert.Contains("articles/world-cup/a.md", paths);
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Parts_are_put_in_path_order_and_sorted_whole_only_when_their_paths_overlap()
    {
        static List<FileStamp> Part(params string[] paths) => [.. paths.Select(p => new FileStamp(p, 1, 1))];
        static List<string> Ordered(List<List<FileStamp>> parts) => [.. SiteDiscoverer.InPathOrder(parts, parts.Sum(p => p.Count)).Select(s => s.Path)];

        Assert.Equal(
            ["articles/a.md", "articles/b/c.md", "categories.yml", "data/x.yml", "site.yml", "templates/t.html"],
            Ordered([Part("site.yml"), Part("categories.yml"), Part("articles/a.md", "articles/b/c.md"), Part(), Part("data/x.yml"), Part("templates/t.html")]));
        Assert.Equal(
            ["a/1", "a/2", "a/3", "b/1"],
            Ordered([Part("a/1", "a/3"), Part("b/1"), Part("a/2")]));
        Assert.Empty(Ordered([Part(), Part()]));
    }
}
