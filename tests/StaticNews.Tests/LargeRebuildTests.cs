using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// An incremental build says early, once, when it must redo most of its work (the CLI then lets the garbage collector work
/// again), and stays quiet when it is small; before that, it says once that it has work to do at all (the CLI then holds the
/// collector off), and stays quiet when its sources are unchanged.
/// </summary>
public sealed class LargeRebuildTests
{
    private const int Articles = 60;

    private static async Task<(BuildResult Result, int Calls)> BuildCountingAsync(TempSite site)
    {
        var calls = 0;
        var result = await site.BuildAsync(options => options with { OnLargeRebuild = () => Interlocked.Increment(ref calls) });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return (result, calls);
    }

    [Fact]
    public async Task A_first_build_is_a_large_rebuild_and_a_body_edit_is_not()
    {
        using var site = GeneratedNewsroom.Create(Articles);
        var (_, first) = await BuildCountingAsync(site);
        var story = Path.Combine(site.Root, "articles", "story-00007.md");
        File.AppendAllText(story, "\nOne more paragraph.\n");

        var (edit, calls) = await BuildCountingAsync(site);

        Assert.Equal(1, first);
        Assert.Equal(1, edit.BodiesRendered);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_site_config_change_is_a_large_rebuild_reported_once()
    {
        using var site = GeneratedNewsroom.Create(Articles);
        await BuildCountingAsync(site);
        File.AppendAllText(Path.Combine(site.Root, "site.yml"), "\n# Any change to site.yml invalidates every cached article.\n");

        var (result, calls) = await BuildCountingAsync(site);

        Assert.Equal(Articles, result.BodiesRendered);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_template_change_that_renders_every_page_again_is_a_large_rebuild()
    {
        using var site = GeneratedNewsroom.Create(Articles);
        await BuildCountingAsync(site);
        var layout = File.ReadAllText(Path.Combine(TestSites.RepositoryRoot, "templates", "layout.html"));
        site.Write("templates/layout.html", layout.Replace("</body>", "<!-- changed --></body>", StringComparison.Ordinal));

        var (result, calls) = await BuildCountingAsync(site);

        Assert.Equal(0, result.BodiesRendered);
        Assert.Equal(result.Model!.Pages.Count, result.PagesRendered);
        Assert.Equal(1, calls);
    }
}
