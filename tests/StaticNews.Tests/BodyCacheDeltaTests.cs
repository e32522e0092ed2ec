using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A build that renders few bodies writes them to a delta beside the body cache and leaves the cache file as it is; many
/// edits write the cache whole again. Whatever the files hold, the site is the one a cold build makes.
/// </summary>
public sealed class BodyCacheDeltaTests
{
    private const int Articles = 24;

    /// <summary>A site built, then built again after <paramref name="edited"/> stories' bodies were edited: a delta is beside the cache.</summary>
    private static async Task<TempSite> SiteWithDeltaAsync(params int[] edited)
    {
        var site = GeneratedNewsroom.Create(Articles);
        try
        {
            await site.BuildAsync();
            foreach (var number in edited)
            {
                GeneratedNewsroom.EditBody(site, number);
            }

            await site.BuildAsync();
            Assert.True(File.Exists(DeltaFile(site)));
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    private static string MainFile(TempSite site) => Path.Combine(site.DefaultCache, BodyCache.FileName);

    private static string DeltaFile(TempSite site) => Path.Combine(site.DefaultCache, BodyCache.DeltaFileName);

    [Fact]
    public async Task Body_edits_write_only_a_delta_and_the_next_build_reuses_what_it_holds()
    {
        using var site = GeneratedNewsroom.Create(Articles);
        await site.BuildAsync();
        var main = File.ReadAllBytes(MainFile(site));
        Assert.False(File.Exists(DeltaFile(site)));

        GeneratedNewsroom.EditBody(site, 3);
        var first = await site.BuildAsync();
        GeneratedNewsroom.EditBody(site, 5);
        var second = await site.BuildAsync();

        Assert.Equal(main, File.ReadAllBytes(MainFile(site)));
        Assert.True(File.Exists(DeltaFile(site)));
        Assert.Equal((1, Articles - 1), (first.BodiesRendered, first.BodiesReused));

        // Story 3's new body comes from the delta, the others from the main file.
        Assert.Equal((1, Articles - 1), (second.BodiesRendered, second.BodiesReused));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Many_body_edits_write_the_cache_whole_again_and_the_old_delta_is_ignored()
    {
        using var site = await SiteWithDeltaAsync(1);
        var main = File.ReadAllBytes(MainFile(site));
        var delta = File.ReadAllBytes(DeltaFile(site));

        for (var number = 0; number < Articles / 2; number++)
        {
            GeneratedNewsroom.EditBody(site, number);
        }

        var many = await site.BuildAsync();
        GeneratedNewsroom.EditBody(site, 20);
        var after = await site.BuildAsync();

        Assert.Equal(Articles / 2, many.BodiesRendered);
        Assert.NotEqual(main, File.ReadAllBytes(MainFile(site)));
        Assert.Equal((1, Articles - 1), (after.BodiesRendered, after.BodiesReused));
        Assert.NotEqual(delta, File.ReadAllBytes(DeltaFile(site)));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_damaged_delta_means_only_its_bodies_are_rendered_again()
    {
        using var site = await SiteWithDeltaAsync(2, 7);
        var delta = File.ReadAllBytes(DeltaFile(site));
        delta[delta.Length / 2] ^= 0x20;
        File.WriteAllBytes(DeltaFile(site), delta);

        GeneratedNewsroom.EditBody(site, 11);
        var result = await site.BuildAsync();

        Assert.Equal((3, Articles - 3), (result.BodiesRendered, result.BodiesReused));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_delta_is_ignored_once_the_main_file_it_was_written_on_is_replaced()
    {
        using var site = await SiteWithDeltaAsync(4);
        var delta = File.ReadAllBytes(DeltaFile(site));
        File.Delete(MainFile(site));

        // With no main file every body is rendered and the cache written whole, with a new token table where the words of an
        // earlier story take the numbers the delta gave story 4's new words; then the old delta comes back.
        GeneratedNewsroom.EditBody(site, 1, "Lanterns, harbours and meridians");
        var whole = await site.BuildAsync();
        Assert.Equal(Articles, whole.BodiesRendered);
        File.WriteAllBytes(DeltaFile(site), delta);

        // Renaming the byline of every article indexes them all again (too many to patch), so every cached body's search
        // terms are decoded.
        var author = Path.Combine(site.Root, "authors", "jane-doe.md");
        File.WriteAllText(author, File.ReadAllText(author).Replace("name: Jane Doe", "name: Jane Quill", StringComparison.Ordinal));
        var result = await site.BuildAsync();

        Assert.Equal((0, Articles), (result.BodiesRendered, result.BodiesReused));
        Assert.False(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }
}
