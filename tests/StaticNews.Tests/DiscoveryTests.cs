using StaticNews.Diagnostics;
using StaticNews.Discovery;
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
}
