using System.Text.Json;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>Builds that update the previous search files in place: what they write must be what a cold build writes.</summary>
public sealed class SearchIndexUpdateTests
{
    private const string Articles = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body about the harbour.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        tags: [talks, trade]
        ---
        Beta body about the harbour and its xylophone band.

        {{< also-read a >}}
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        ---
        Gamma body about the harbour.
        """;

    private const string GammaFrontMatter = "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\n";

    private static string[] Shards(TempSite site) =>
        [.. JsonDocument.Parse(site.ReadOutput("search/meta.json")).RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!)];

    [Fact]
    public async Task A_body_edit_patches_only_the_shards_whose_tokens_changed()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        // "zebra" opens a shard of its own; "harbour" moves to a later word; "gamma" keeps its place and its shard is not written.
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body, now about the zebra crossing by the harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        Assert.Contains("ze", Shards(site));
        Assert.Contains("\"zebra\"", site.ReadOutput("search/index/ze.json"), StringComparison.Ordinal);
        var after = WriteTimes(site.DefaultOutput);
        Assert.Equal(before[Path.Combine("search", "index", "ga.json")], after[Path.Combine("search", "index", "ga.json")]);
        Assert.NotEqual(before[Path.Combine("search", "index", "ha.json")], after[Path.Combine("search", "index", "ha.json")]);
        // The search results' documents are the same: their chunk is kept.
        Assert.Equal(before[Path.Combine("search", "docs", "0.json")], after[Path.Combine("search", "docs", "0.json")]);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Tokens_beyond_ascii_are_patched_in_the_order_the_writer_sorts_them()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        // Into the shard of "about", around it: tokens of two and three bytes a character in UTF-8, escaped by no encoder.
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the harbour: ab\uFF5A, abc and ab\u0434 by the \u0414\u0443\u043D\u0430\u0439.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        var shard = site.ReadOutput("search/index/ab.json");
        string[] sorted = ["abc", "about", "ab\u0434", "ab\uFF5A"];
        var order = sorted.Select(token => shard.IndexOf('"' + token + '"', StringComparison.Ordinal)).ToArray();
        Assert.True(order[0] >= 0 && order.SequenceEqual(order.Order()), string.Join(", ", order));
        await AssertSameAsColdBuildAsync(site);

        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the harbour: ab\uFF59 and ab\u0435.\n");
        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_shard_whose_last_token_goes_is_removed_and_no_longer_listed()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        Assert.Contains("xy", Shards(site));
        site.Write("articles/b.md", "---\ntitle: Beta trade\ndate: 2026-03-02 10:00\nauthor: jane-doe\ncategory: world/trade\ntags: [talks, trade]\n---\nBeta body about the harbour and its brass band.\n\n{{< also-read a >}}\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        Assert.DoesNotContain("xy", Shards(site));
        Assert.False(site.OutputExists("search/index/xy.json"));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Several_bodies_edited_in_one_build_are_all_patched()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("articles/a.md", "---\ntitle: Alpha talks\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\n---\nAlpha body: the harbour talks resumed, harbour by harbour.\n");
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about trade, talks and the harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        Assert.Equal(2, result.BodiesRendered);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_new_article_moves_the_document_ids_and_the_index_is_written_whole()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("articles/d.md", "---\ntitle: Delta news\ndate: 2026-03-04 10:00\nauthor: jane-doe\ncategory: culture\n---\nDelta body about the harbour.\n");

        var result = await site.BuildAsync();

        Assert.False(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("Gamma culture", "Gamma culture, retitled", "Gamma culture, retitled")] // metadata terms
    [InlineData("Gamma culture", "Gamma xylophone", "Gamma xylophone")] // a title token that the body of another article has too
    [InlineData("2026-03-03 10:00", "2026-03-05 09:30", "2026-03-05")] // only the date a result shows: same URL, still the newest
    [InlineData("category: culture", "category: world/trade", "\"Trade\"")] // the byline's section
    [InlineData("author: jane-doe", "author: jane-doe\ntags: [zither, talks]", "\"zither\"")] // tags, one of them new
    public async Task A_front_matter_edit_that_search_shows_patches_the_index_and_its_results(string before, string after, string shown)
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        var writeTimes = WriteTimes(site.DefaultOutput);
        site.Write("articles/c.md", GammaFrontMatter.Replace(before, after, StringComparison.Ordinal) + "Gamma body about the harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        Assert.Contains(shown, site.ReadOutput("search/docs/0.json"), StringComparison.Ordinal);
        // The harbour's postings are unchanged: only the shards of the tokens the edit moved are written.
        Assert.Equal(writeTimes[Path.Combine("search", "index", "ha.json")], WriteTimes(site.DefaultOutput)[Path.Combine("search", "index", "ha.json")]);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_title_and_a_body_changed_together_are_patched_and_changed_back()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("articles/c.md", GammaFrontMatter.Replace("Gamma culture", "Harbour culture", StringComparison.Ordinal) + "Gamma body about the zebra crossing.\n");

        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);

        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the harbour.\n");
        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_author_renamed_patches_every_article_of_the_byline()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        site.Write("authors/jane-doe.md", "---\nname: Jane Quill\nrole: Correspondent\n---\nJane writes.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        Assert.Contains("\"quill\"", site.ReadOutput("search/index/qu.json"), StringComparison.Ordinal);
        Assert.False(site.OutputExists("search/index/do.json"));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_section_renamed_over_more_articles_than_a_patch_takes_writes_the_index_whole()
    {
        // At least eight articles, or five in a hundred, are patched; past that the index is written whole.
        var many = string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"-- articles/culture-{i}.md --\n---\ntitle: Culture note {i}\ndate: 2026-02-{i:00} 10:00\nauthor: jane-doe\ncategory: culture\n---\nA note about the harbour.\n"));
        using var site = TempSite.Create(Articles + "\n" + many);
        await site.BuildAsync();
        site.Write("categories.yml", File.ReadAllText(Path.Combine(site.Root, "categories.yml")).Replace("name: Culture", "name: Arts", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        Assert.False(result.SearchUpdatedInPlace);
        Assert.Contains("\"arts\"", site.ReadOutput("search/index/ar.json"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);

        site.Write("articles/culture-3.md", "---\ntitle: Culture note three\ndate: 2026-02-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nA note about the harbour.\n");
        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_result_chunk_changed_on_disk_since_it_was_written_is_never_read_back()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        // What the postings were made from can no longer be known from the chunk: the index is written whole.
        var chunk = Path.Combine(site.DefaultOutput, "search", "docs", "0.json");
        File.WriteAllText(chunk, File.ReadAllText(chunk).Replace("Gamma culture", "Gamma xylophone", StringComparison.Ordinal));
        site.Write("articles/c.md", GammaFrontMatter.Replace("Gamma culture", "Gamma retitled", StringComparison.Ordinal) + "Gamma body about the harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.False(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_title_the_results_may_not_hold_as_indexed_is_never_read_back()
    {
        // U+FFFD is what the JSON writer puts for invalid UTF-16, so a result holding it may not show the text that was indexed.
        using var site = TempSite.Create(Articles);
        site.Write("articles/c.md", GammaFrontMatter.Replace("Gamma culture", "Gamma \uFFFD culture", StringComparison.Ordinal) + "Gamma body about the harbour.\n");
        await site.BuildAsync();
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the harbour.\n");

        var result = await site.BuildAsync();

        Assert.False(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_body_edit_whose_link_title_changes_elsewhere_is_patched_too()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        // Beta's also-read box carries Alpha's title, so Beta's body is rendered again, its terms with it.
        site.Write("articles/a.md", "---\ntitle: Alpha talks resume\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\n---\nAlpha body about the harbour.\n");
        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the old harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_shard_changed_on_disk_since_it_was_written_is_never_patched()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        var shard = Path.Combine(site.DefaultOutput, "search", "index", "ha.json");
        File.WriteAllText(shard, File.ReadAllText(shard).Replace("[[", "[ [", StringComparison.Ordinal));
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body, now about the zebra crossing by the harbour.\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.False(result.SearchUpdatedInPlace);
    }

    [Fact]
    public async Task Without_its_cache_file_the_index_is_written_whole_and_the_same()
    {
        using var site = TempSite.Create(Articles);
        await site.BuildAsync();
        File.Delete(Path.Combine(site.DefaultCache, "search.bin"));
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body, now about the zebra crossing by the harbour.\n");

        var result = await site.BuildAsync();

        Assert.False(result.SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
        site.Write("articles/c.md", GammaFrontMatter + "Gamma body about the harbour.\n");
        Assert.True((await site.BuildAsync()).SearchUpdatedInPlace);
        await AssertSameAsColdBuildAsync(site);
    }
}
