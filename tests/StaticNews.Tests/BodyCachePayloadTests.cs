using System.Text;
using StaticNews.Incremental;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// The body cache's HTML and search terms are payloads (see <see cref="EntryFile"/>), checked when a build reads them rather
/// than when it loads the file: a damaged body a build does not show again costs nothing, and one it shows makes the build
/// start over without the file, its output the one a cold build makes.
/// </summary>
public sealed class BodyCachePayloadTests
{
    private const int Articles = 24;

    /// <summary>The newest story (culture): an edit of it rewrites the site's feeds, which show the 20 newest bodies.</summary>
    private const int Newest = Articles - 1;

    private static string Marker(int number) => $"Marker sentence of story {number}, found in the cache file.";

    /// <summary>A generated site whose stories each end with <see cref="Marker"/>, built once: its body cache is large enough to be mapped.</summary>
    private static async Task<TempSite> BuiltSiteAsync()
    {
        var site = GeneratedNewsroom.Create(Articles);
        for (var number = 0; number < Articles; number++)
        {
            File.AppendAllText(GeneratedNewsroom.StoryPath(site, number), $"\n{Marker(number)}\n");
        }

        await site.BuildAsync();
        Assert.True(new FileInfo(BodyFile(site)).Length >= 1 << 16, "the body cache is mapped, not read whole");
        return site;
    }

    private static string BodyFile(TempSite site) => Path.Combine(site.DefaultCache, BodyCache.FileName);

    /// <summary>Flips a bit in the HTML story <paramref name="number"/>'s body has in the body cache.</summary>
    private static void DamageBodyOf(TempSite site, int number)
    {
        var bytes = File.ReadAllBytes(BodyFile(site));
        var marker = Encoding.UTF8.GetBytes(Marker(number));
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at >= 0, "the story's HTML is in the body cache");
        Assert.Equal(-1, bytes.AsSpan(at + 1).IndexOf(marker));
        bytes[at + 7] ^= 0x01;
        File.WriteAllBytes(BodyFile(site), bytes);
    }

    [Fact]
    public async Task A_damaged_body_the_build_does_not_show_again_is_not_read_and_every_other_body_is_reused()
    {
        // Story 0, the oldest, is in no feed the edit rewrites: its page, and the pages showing it, are unchanged.
        using var site = await BuiltSiteAsync();
        DamageBodyOf(site, 0);
        GeneratedNewsroom.EditBody(site, Newest);

        var result = await site.BuildAsync();

        Assert.Equal((1, Articles - 1), (result.BodiesRendered, result.BodiesReused));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_damaged_body_the_build_shows_makes_it_start_over_without_the_body_cache()
    {
        // Story 22 is in the site's feeds, which the edit of story 23 rewrites.
        using var site = await BuiltSiteAsync();
        DamageBodyOf(site, Newest - 1);
        var damaged = File.ReadAllBytes(BodyFile(site));
        GeneratedNewsroom.EditBody(site, Newest);

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal((Articles, 0), (result.BodiesRendered, result.BodiesReused));
        Assert.NotEqual(damaged, File.ReadAllBytes(BodyFile(site)));
        Assert.False(Directory.Exists(new OutputFolder(site.DefaultOutput).StagingPath));
        Assert.Empty(Directory.GetFiles(site.DefaultCache, "*.pending*"));
        await AssertSameAsColdBuildAsync(site);

        // The body cache written by the second run serves the next build.
        GeneratedNewsroom.EditBody(site, Newest);
        var next = await site.BuildAsync();
        Assert.Equal((1, Articles - 1), (next.BodiesRendered, next.BodiesReused));
    }

    [Fact]
    public async Task A_damaged_body_a_template_shows_makes_the_build_start_over_rather_than_report_a_template_error()
    {
        // A new title renders story 0's page again with its body taken from the cache: the page template prints the HTML.
        using var site = await BuiltSiteAsync();
        DamageBodyOf(site, 0);
        var story = GeneratedNewsroom.StoryPath(site, 0);
        File.WriteAllText(story, File.ReadAllText(story).Replace("title: ", "title: Retitled ", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal((Articles, 0), (result.BodiesRendered, result.BodiesReused));
        await AssertSameAsColdBuildAsync(site);
    }
}
