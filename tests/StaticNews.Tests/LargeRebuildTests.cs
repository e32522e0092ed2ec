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

    [Fact]
    public async Task Work_ahead_is_announced_once_by_a_build_with_changes_and_never_by_an_unchanged_one()
    {
        using var site = GeneratedNewsroom.Create(Articles);
        // Checked out well before the build: their time stamps are trusted from the first build on.
        site.AgeFiles(TimeSpan.FromHours(1));
        var announcements = new List<string>();
        Task<BuildResult> BuildAsync() => site.BuildAsync(options => options with
        {
            OnWorkAhead = () => announcements.Add("work ahead"),
            OnLargeRebuild = () => announcements.Add("large"),
        });

        await BuildAsync();
        var first = announcements.ToArray();
        announcements.Clear();
        var unchanged = await BuildAsync();
        var whenUnchanged = announcements.ToArray();
        announcements.Clear();
        File.AppendAllText(Path.Combine(site.Root, "articles", "story-00007.md"), "\nOne more paragraph.\n");
        var edit = await BuildAsync();

        Assert.Equal(["work ahead", "large"], first);
        Assert.True(unchanged.UnreadSources);
        Assert.Empty(whenUnchanged);
        Assert.Equal(1, edit.BodiesRendered);
        Assert.Equal(["work ahead"], announcements);
    }
}
