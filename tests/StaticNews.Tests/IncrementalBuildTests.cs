using System.Diagnostics;
using StaticNews.Incremental;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

public sealed class IncrementalBuildTests
{
    private const string ThreeArticles = """
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: world/trade
        tags: [talks, trade]
        ---
        Beta body.

        {{< also-read a >}}
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        ---
        Gamma body.
        """;

    [Fact]
    public async Task A_rebuild_with_no_change_writes_no_file()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        var hashesBefore = Snapshotting.Folder(site.DefaultOutput);

        var result = await site.BuildAsync();

        Assert.True(result.UpToDate);
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.FilesWritten);
        Assert.Equal(before, WriteTimes(site.DefaultOutput));
        Assert.Equal(hashesBefore, Snapshotting.Folder(site.DefaultOutput));
    }

    [Fact]
    public async Task Warnings_of_the_last_build_are_reported_again_when_nothing_changed()
    {
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- data/popular.yml --
            - no-such-slug
            """);
        var first = await site.BuildAsync();

        var second = await site.BuildAsync();

        Assert.True(second.UpToDate);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Contains(second.Diagnostics, d => d.Code == "SN0308");
        Assert.False(File.Exists(Path.Combine(site.DefaultCache, "up-to-date.txt")), "a build with warnings leaves no summary, so its warnings come from the full cache");
    }

    [Fact]
    public async Task After_a_build_without_warnings_the_no_change_check_needs_only_the_summary()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        File.WriteAllText(Path.Combine(site.DefaultCache, "build-cache.bin"), "not a cache");
        var hashesBefore = Snapshotting.Folder(site.DefaultOutput);

        var result = await site.BuildAsync();

        Assert.True(result.UpToDate);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(hashesBefore, Snapshotting.Folder(site.DefaultOutput));
    }

    [Theory]
    [InlineData("other engine")]
    [InlineData("expired")]
    [InlineData("garbage")]
    public async Task A_summary_of_another_engine_past_its_validity_or_unreadable_is_not_trusted(string damage)
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var summary = Path.Combine(site.DefaultCache, "up-to-date.txt");
        var lines = File.ReadAllLines(summary);
        File.WriteAllText(Path.Combine(site.DefaultCache, "build-cache.bin"), "not a cache");
        File.WriteAllLines(summary, damage switch
        {
            "other engine" => [lines[0] + "x", lines[1], lines[2]],
            "expired" => [lines[0], lines[1], "2000-01-01T00:00:00.0000000+00:00"],
            _ => ["garbage"],
        });

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.False(result.UpToDate);
        Assert.Equal(0, result.FilesKept);
    }

    [Fact]
    public async Task Editing_one_body_rewrites_only_the_files_whose_bytes_changed()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        var hashesBefore = Snapshotting.Folder(site.DefaultOutput).ToHashSet(StringComparer.Ordinal);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var result = await site.BuildAsync();

        Assert.False(result.UpToDate);
        var after = WriteTimes(site.DefaultOutput);
        var changed = Snapshotting.Folder(site.DefaultOutput).Where(h => !hashesBefore.Contains(h)).Select(h => h.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("c/index.html", changed);
        Assert.DoesNotContain("a/index.html", changed);
        var rewritten = after.Where(p => !before.TryGetValue(p.Key, out var time) || time != p.Value).Select(p => p.Key.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        // The marker lists the output's files: it changes when the body edit adds a search index shard (search/index/KEY.json).
        changed.Remove(OutputFolder.MarkerFileName);
        Assert.Equal(changed.Order(StringComparer.Ordinal).ToList(), rewritten.Where(p => p != OutputFolder.MarkerFileName).ToList());
        Assert.Equal(changed.Count, result.FilesWritten);
        foreach (var (path, time) in before)
        {
            if (!changed.Contains(path.Replace('\\', '/')) && path != OutputFolder.MarkerFileName)
            {
                Assert.Equal(time, after[path]);
            }
        }
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_fails_the_build_before_the_output_changes()
    {
        // The caches are written while the pages render: a failure there must still stop the build before the commit.
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var before = Snapshotting.Folder(site.DefaultOutput);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var blocked = Path.Combine(site.DefaultCache, "bodies.bin.pending");
        Directory.CreateDirectory(Path.Combine(blocked, "in-the-way"));

        await Assert.ThrowsAnyAsync<Exception>(() => site.BuildAsync());

        Assert.Equal(before, Snapshotting.Folder(site.DefaultOutput));
        Directory.Delete(blocked, recursive: true);
        var result = await site.BuildAsync();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("Gamma body, corrected.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_build_gives_the_same_folder_as_a_cold_build()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture renamed\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body.\n");
        site.Write("articles/a.md", "---\ntitle: Alpha talks\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\n---\nAlpha body, longer now.\n");
        await site.BuildAsync();
        var cold = Path.Combine(site.Parent, "cold");

        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });

        Assert.Equal(Snapshotting.Folder(cold), Snapshotting.Folder(site.DefaultOutput));
        Assert.Contains("Gamma culture renamed", site.ReadOutput("b/index.html") + site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_build_changes_the_output_in_place_and_removes_what_the_site_no_longer_has()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var output = new OutputFolder(site.DefaultOutput);
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(output.Path, "a", "index.html"));
        site.Delete("articles/c.md");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.FilesKept > 0, "unchanged files stay where they are");
        Assert.False(Directory.Exists(Path.Combine(output.Path, "c")), "the deleted article's page folder is removed, not left empty");
        Assert.False(Directory.Exists(output.StagingPath));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(output.Path, "a", "index.html")));
        Assert.DoesNotContain("c/index.html", OutputFolder.ListedFiles(output.Path)!);
        var cold = Path.Combine(site.Parent, "cold");
        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });
        Assert.Equal(FolderState.Of(cold), FolderState.Of(output.Path));
    }

    [Fact]
    public async Task A_page_deleted_from_the_output_is_written_again_though_its_inputs_did_not_change()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var output = new OutputFolder(site.DefaultOutput);
        File.Delete(Path.Combine(output.Path, "a", "index.html"));
        File.Delete(Path.Combine(output.Path, "sitemap.xml"));
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.FilesKept > 0, "the build went through the incremental path");
        Assert.True(site.OutputExists("a/index.html"));
        Assert.True(site.OutputExists("sitemap.xml"));
        var cold = Path.Combine(site.Parent, "cold");
        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });
        Assert.Equal(FolderState.Of(cold), FolderState.Of(output.Path));
    }

    [Fact]
    public async Task Files_deleted_from_the_output_are_written_again_when_the_output_check_ends_after_they_were_presumed_there()
    {
        // The output check is held until the build first waits for it, when the output opens: which pages render again, and
        // which feeds, sitemaps and search files are kept, was decided before it ended, from the files presumed there.
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var output = new OutputFolder(site.DefaultOutput);
        string[] gone = ["a/index.html", "sitemap.xml", "category/world/diplomacy/rss.xml", "tag/talks/feed.json"];
        foreach (var path in gone)
        {
            Assert.True(site.OutputExists(path), path);
            File.Delete(Path.Combine(output.Path, path));
        }

        var shards = Directory.GetFiles(Path.Combine(output.Path, "search", "index"));
        Assert.NotEmpty(shards);
        foreach (var shard in shards)
        {
            File.Delete(shard);
        }

        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var checkHeld = false;

        var result = await site.BuildAsync(o => o with
        {
            BeforeOutputCheck = waitedFor => checkHeld = waitedFor.Wait(TimeSpan.FromSeconds(30)),
        });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(checkHeld, "the check ended only once the build waited for it");
        Assert.True(result.FilesKept > 0, "the build went through the incremental path");
        Assert.All(gone, path => Assert.True(site.OutputExists(path), path));
        Assert.All(shards, shard => Assert.True(File.Exists(shard), shard));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_edit_whose_output_check_ends_after_the_pages_are_chosen_writes_what_an_edit_writes()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(site.DefaultOutput, "a", "index.html"));

        var result = await site.BuildAsync(o => o with { BeforeOutputCheck = waitedFor => waitedFor.Wait(TimeSpan.FromSeconds(30)) });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(result.SearchUpdatedInPlace, "the search files were updated in place, as when nothing is gone");
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(site.DefaultOutput, "a", "index.html")));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_build_that_finds_the_sources_up_to_date_leaves_the_output_alone_and_force_writes_a_deleted_page_again()
    {
        // What the README says: the up-to-date check reads the sources' stamps only, never the output, to stay that fast.
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        File.Delete(Path.Combine(site.DefaultOutput, "a", "index.html"));

        var upToDate = await site.BuildAsync();
        Assert.True(upToDate.UpToDate);
        Assert.False(site.OutputExists("a/index.html"));

        var forced = await site.BuildAsync(o => o with { Incremental = false });
        Assert.True(forced.Succeeded);
        Assert.True(site.OutputExists("a/index.html"));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_unchanged_site_is_found_up_to_date_from_its_files_sizes_and_time_stamps_without_reading_them()
    {
        using var site = await AgedSiteBuiltOnceAsync();

        var unchanged = await site.BuildAsync();

        Assert.True(unchanged.UpToDate);
        Assert.True(unchanged.UnreadSources);
        Assert.Equal(0, unchanged.FilesWritten);
    }

    [Fact]
    public async Task A_file_changed_to_the_same_size_is_read_again_once_its_time_stamp_moved()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var before = site.ReadOutput("c/index.html");
        var path = Path.Combine(site.Root, "articles", "c.md");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("Gamma body.", "Gamma news.", StringComparison.Ordinal));
        Assert.Equal(text.Length, File.ReadAllText(path).Length);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromMinutes(30));

        var result = await site.BuildAsync();

        Assert.False(result.UpToDate);
        Assert.Contains("Gamma news.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        Assert.NotEqual(before, site.ReadOutput("c/index.html"));
    }

    [Fact]
    public async Task An_article_that_is_a_link_is_read_again_when_the_file_it_leads_to_changes_though_the_link_did_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var site = TempSite.Create(ThreeArticles);
        var target = Path.Combine(site.Parent, "elsewhere", "c.md");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var link = Path.Combine(site.Root, "articles", "c.md");
        File.Move(link, target);
        File.CreateSymbolicLink(link, target);
        site.AgeFiles(TimeSpan.FromHours(1));
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow - TimeSpan.FromHours(1));
        await AgeLinkAsync(link);
        await site.BuildAsync();
        Assert.True((await site.BuildAsync()).UnreadSources, "the stamps were trusted");

        // The file the link leads to is edited and dated half an hour back, so that only its stamp can tell (a file written within
        // two seconds of the stamps is read anyway); the link stays as it was.
        File.WriteAllText(target, File.ReadAllText(target).Replace("Gamma body.", "Gamma body, corrected.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow - TimeSpan.FromMinutes(30));
        var result = await site.BuildAsync();

        Assert.False(result.UpToDate);
        Assert.Contains("Gamma body, corrected.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);

        static async Task AgeLinkAsync(string link)
        {
            using var touch = Process.Start("touch", ["-h", "-d", "1 hour ago", link]);
            await touch.WaitForExitAsync();
            Assert.Equal(0, touch.ExitCode);
        }
    }

    [Fact]
    public async Task Files_written_just_before_a_build_and_other_options_are_not_trusted_to_their_time_stamps()
    {
        using var site = TempSite.Create(ThreeArticles);
        // Stamped a second ahead, as if written the instant the build starts: the files are still within the last two seconds
        // of the stamps however long a loaded machine takes to start the build (this test failed once in a full run).
        site.AgeFiles(TimeSpan.FromSeconds(-1));
        await site.BuildAsync();

        // Written within the last two seconds of the stamps: read and hashed again, still up to date.
        var fresh = await site.BuildAsync();
        Assert.True(fresh.UpToDate);
        Assert.False(fresh.UnreadSources);

        site.AgeFiles(TimeSpan.FromHours(1));
        await site.BuildAsync();
        Assert.True((await site.BuildAsync()).UnreadSources);

        // Another base URL changes every page: the stamps, taken for other options, are not used.
        var rebased = await site.BuildAsync(o => o with { BaseUrl = "https://news.example.org/" });
        Assert.False(rebased.UpToDate);
        site.Write("articles/d.md", "---\ntitle: Delta\ndate: 2026-03-04 10:00\nauthor: jane-doe\ncategory: culture\n---\nDelta body.\n");
        File.SetLastWriteTimeUtc(Path.Combine(site.Root, "articles", "d.md"), DateTime.UtcNow - TimeSpan.FromHours(2));
        var added = await site.BuildAsync(o => o with { BaseUrl = "https://news.example.org/" });
        Assert.False(added.UpToDate);
        Assert.True(site.OutputExists("d/index.html"));
    }

    [Fact]
    public async Task Source_stamps_are_written_beside_the_commit_and_put_in_place_only_after_it()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var cache = new OutputFolder(site.DefaultOutput).CachePath;
        site.EditAged("articles/c.md", "Gamma body.", "Gamma body, corrected.");

        await Assert.ThrowsAsync<IOException>(() => site.BuildAsync(o => o with { BeforeFileApply = _ => throw new IOException("injected") }));
        Assert.False(File.Exists(Path.Combine(cache, SourceStamps.FileName)));
        var afterFailure = await site.BuildAsync();
        var unchanged = await site.BuildAsync();

        Assert.Equal(0, afterFailure.ArticlesUnread);
        Assert.Contains("Gamma body, corrected.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        Assert.True(unchanged.UpToDate);
        Assert.True(unchanged.UnreadSources);
        Assert.Empty(Directory.EnumerateFiles(cache, "*.next.bin"));
    }

    /// <summary>The three-article site built once, every file dated an hour back: as if checked out well before the build.</summary>
    private static async Task<TempSite> AgedSiteBuiltOnceAsync()
    {
        var site = TempSite.Create(ThreeArticles);
        site.AgeFiles(TimeSpan.FromHours(1));
        await site.BuildAsync();
        return site;
    }

    [Fact]
    public async Task Editing_one_article_of_a_site_unchanged_since_its_last_build_reads_only_that_article()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        site.EditAged("articles/c.md", "Gamma body.", "Gamma body, corrected.");

        var result = await site.BuildAsync();

        Assert.Equal(2, result.ArticlesUnread);
        Assert.Equal((1, 2), (result.BodiesRendered, result.BodiesReused));
        Assert.Contains("Gamma body, corrected.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_unchanged_article_is_read_after_all_when_its_body_shows_a_title_that_changed()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        site.EditAged("articles/a.md", "title: Alpha talks", "title: Alpha talks collapse");

        var result = await site.BuildAsync();

        // b's file is unchanged, but its also-read link shows a's title: its body is rendered again, from its file.
        Assert.Equal(1, result.ArticlesUnread);
        Assert.Contains(">Alpha talks collapse</a></p>", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_article_taken_as_unchanged_that_changed_after_all_stops_the_build_when_it_must_be_read()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var before = site.ReadOutput("b/index.html");
        // b changes under the same size and time stamp, as if edited after this build took its stamps; a's new title makes
        // the build render b's body again, so b is read and found changed.
        var b = Path.Combine(site.Root, "articles", "b.md");
        var stamp = File.GetLastWriteTimeUtc(b);
        File.WriteAllText(b, File.ReadAllText(b).Replace("Beta body.", "Beta news.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(b, stamp);
        site.EditAged("articles/a.md", "title: Alpha talks", "title: Alpha talks collapse");

        var failure = await Assert.ThrowsAsync<IOException>(() => site.BuildAsync());

        Assert.Contains("articles/b.md changed while the site was being built", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, site.ReadOutput("b/index.html"));
    }

    [Theory]
    [InlineData("drafts.bin")]
    [InlineData("bodies.bin")]
    public async Task An_unchanged_article_missing_from_the_caches_is_read_and_parsed_again(string deleted)
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var cacheFolder = new OutputFolder(site.DefaultOutput).CachePath;
        Assert.True(File.Exists(Path.Combine(cacheFolder, deleted)));
        File.Delete(Path.Combine(cacheFolder, deleted));
        site.EditAged("articles/c.md", "Gamma body.", "Gamma body, corrected.");

        var result = await site.BuildAsync();

        Assert.Equal(0, result.ArticlesUnread);
        Assert.Contains("Beta body.", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("a byte flipped")]
    [InlineData("cut short")]
    [InlineData("emptied")]
    public async Task Damaged_source_stamps_mean_reading_every_article(string damage)
    {
        using var site = await AgedSiteBuiltOnceAsync();
        var stampsFile = Path.Combine(new OutputFolder(site.DefaultOutput).CachePath, SourceStamps.FileName);
        var bytes = File.ReadAllBytes(stampsFile);
        bytes = damage switch
        {
            "a byte flipped" => [.. bytes[..(bytes.Length / 2)], (byte)(bytes[bytes.Length / 2] ^ 1), .. bytes[((bytes.Length / 2) + 1)..]],
            "cut short" => bytes[..(bytes.Length - 20)],
            _ => [],
        };
        File.WriteAllBytes(stampsFile, bytes);
        site.EditAged("articles/c.md", "Gamma body.", "Gamma body, corrected.");

        var result = await site.BuildAsync();

        Assert.Equal(0, result.ArticlesUnread);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Editing_one_body_renders_only_that_body_from_markdown()
    {
        using var site = TempSite.Create(ThreeArticles);
        var first = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var second = await site.BuildAsync();

        Assert.Equal((3, 0), (first.BodiesRendered, first.BodiesReused));
        Assert.Equal((1, 2), (second.BodiesRendered, second.BodiesReused));
        Assert.Contains("Gamma body, corrected.", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_front_matter_cache_is_written_again_only_when_a_front_matter_changed()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var drafts = Path.Combine(new OutputFolder(site.DefaultOutput).CachePath, DraftCache.FileName);
        var written = File.GetLastWriteTimeUtc(drafts) - TimeSpan.FromHours(1);
        File.SetLastWriteTimeUtc(drafts, written);

        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var bodyEdit = await site.BuildAsync();
        Assert.Equal((0, 3), (bodyEdit.FrontMattersParsed, bodyEdit.FrontMattersReused));
        Assert.Equal(written, File.GetLastWriteTimeUtc(drafts));

        site.Write("articles/c.md", "---\ntitle: Gamma culture, revised\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var frontMatterEdit = await site.BuildAsync();
        Assert.Equal(1, frontMatterEdit.FrontMattersParsed);
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(drafts));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Retitling_an_article_renders_again_the_bodies_that_link_to_it()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        site.Write("articles/a.md", "---\ntitle: Alpha talks collapse\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\n---\nAlpha body.\n");

        var result = await site.BuildAsync();

        // a's own body does not show its title, so it is reused; b's also-read link does, so b's is rendered again.
        Assert.Equal((1, 2), (result.BodiesRendered, result.BodiesReused));
        Assert.Contains(">Alpha talks collapse</a></p>", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_reused_body_reports_its_warnings_again()
    {
        using var site = TempSite.Create(ThreeArticles + "\n-- articles/d.md --\n---\ntitle: Delta\ndate: 2026-03-04 10:00\nauthor: jane-doe\ncategory: culture\n---\nA <b>bold</b> claim.\n");
        site.Write("site.yml", "title: Test Gazette\nbase_url: https://example.org/\ntime_zone: Europe/London\nmarkdown_raw_html: false\n");
        var first = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var second = await site.BuildAsync();

        Assert.Equal(1, second.BodiesRendered);
        var warning = Assert.Single(second.Diagnostics, d => d.Code == "SN0902" && d.Message.Contains("<b>", StringComparison.Ordinal));
        Assert.Equal(("articles/d.md", 7), (warning.Location.Path, warning.Location.Line));
        Assert.Equal(first.Diagnostics.Where(d => d.Code == "SN0902"), second.Diagnostics.Where(d => d.Code == "SN0902"));
    }

    [Fact]
    public async Task A_body_edit_renders_again_the_feeds_that_carry_the_article_whole_and_no_other()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("site.yml", "title: Test Gazette\nbase_url: https://example.org/\ntime_zone: Europe/London\nsection_feed_content: full\n");
        await site.BuildAsync();
        var before = WriteTimes(site.DefaultOutput);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        await site.BuildAsync();

        foreach (var feed in new[] { "rss.xml", "category/culture/rss.xml", "category/culture/feed.json", "author/jane-doe/atom.xml" })
        {
            Assert.Contains("Gamma body, corrected.", site.ReadOutput(feed), StringComparison.Ordinal);
        }

        var diplomacy = Path.Combine("category", "world", "diplomacy", "rss.xml");
        Assert.Equal(before[diplomacy], WriteTimes(site.DefaultOutput)[diplomacy]);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Front_matter_is_parsed_again_only_for_files_whose_front_matter_changed()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\ntags: [arts]\n---\nGamma body.\n");
        var first = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\ntags: [arts]\n---\nGamma body, corrected.\n");
        var bodyEdit = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture, retitled\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var titleEdit = await site.BuildAsync();
        // The cache the title edit wrote holds the two drafts it took from the last one (copied as they were) and the new one.
        site.Write("articles/c.md", "---\ntitle: Gamma culture, retitled\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected twice.\n");
        var afterTitleEdit = await site.BuildAsync();

        Assert.Equal((3, 0), (first.FrontMattersParsed, first.FrontMattersReused));
        Assert.Equal((0, 3), (bodyEdit.FrontMattersParsed, bodyEdit.FrontMattersReused));
        Assert.Equal((1, 2), (titleEdit.FrontMattersParsed, titleEdit.FrontMattersReused));
        Assert.Equal((0, 3), (afterTitleEdit.FrontMattersParsed, afterTitleEdit.FrontMattersReused));
        Assert.Contains("Gamma culture, retitled", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reused_front_matter_gives_the_same_articles_and_warnings_as_parsing_it()
    {
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/full.md --
            ---
            title: "Summit: the full picture"
            date: 2026-03-05 09:30
            updated: 2026-03-06 08:00
            expires: 2030-01-01
            authors: [jane-doe]
            category: world/trade
            tags: [talks, "Trade & tariffs"]
            summary: Everything at once.
            location: Geneva
            image: /images/summit.jpg
            image_alt: Delegates at the table
            image_caption: The second day.
            breaking: true
            related: [a, b]
            corrections:
              - date: 2026-03-06 08:00
                note: An earlier version misspelt a name.
            sponsor: Example Foundation
            sources: [agency, "our reporter"]
            desk: { editor: Sam, shift: night, notes: [one, ~] }
            ---
            Full body.
            -- articles/unsigned.md --
            ---
            title: Unsigned note
            date: 2026-03-04 10:00
            category: culture
            ---
            No author here.
            """);
        await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var reused = await site.BuildAsync();
        var parsed = await site.BuildAsync(o => o with { OutputPath = Path.Combine(site.Parent, "cold"), Incremental = false });

        Assert.Equal(0, reused.FrontMattersParsed);
        Assert.Equal(Describe(parsed.Model!), Describe(reused.Model!));
        Assert.Contains("\"desk\":{\"editor\":\"Sam\",\"shift\":\"night\",\"notes\":[\"one\",null]}", Describe(reused.Model!), StringComparison.Ordinal);
        Assert.Equal(parsed.Diagnostics, reused.Diagnostics);
        Assert.Contains(reused.Diagnostics, d => d.Code == "SN0306" && d.Location.Path == "articles/unsigned.md");

        static string Describe(Building.SiteModel model) => System.Text.Json.JsonSerializer.Serialize(model.Site.Articles.Select(a => new
        {
            a.Slug, a.Title, a.Date, a.Updated, a.Expires, Authors = a.Authors.Select(x => x.Id), Category = a.Category?.Path, Tags = a.Tags.Select(t => t.Name),
            a.Summary, a.Location, a.Dateline, a.Image, a.Draft, a.Breaking, a.Corrections, a.Extras, a.WordCount, a.Url,
        }));
    }

    [Fact]
    public async Task A_body_edit_takes_the_related_lists_from_the_cache_and_a_retagging_computes_them_again()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\ntags: [arts]\n---\nGamma body.\n");
        var first = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\ntags: [arts]\n---\nGamma body, corrected.\n");
        var bodyEdit = await site.BuildAsync();
        var pageBefore = site.ReadOutput("c/index.html");
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\ntags: [trade]\n---\nGamma body, corrected.\n");
        var retagged = await site.BuildAsync();

        Assert.Equal((false, true, false), (first.RelatedReused, bodyEdit.RelatedReused, retagged.RelatedReused));
        Assert.DoesNotContain("href=\"/b/\"", pageBefore, StringComparison.Ordinal);
        Assert.Contains("href=\"/b/\"", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Moving_an_article_to_another_category_computes_the_related_lists_again()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var pageBefore = site.ReadOutput("c/index.html");
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: world/trade\n---\nGamma body.\n");

        var moved = await site.BuildAsync();

        Assert.False(moved.RelatedReused);
        Assert.DoesNotContain("href=\"/b/\"", pageBefore, StringComparison.Ordinal);
        Assert.Contains("href=\"/b/\"", site.ReadOutput("c/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Reused_related_lists_report_unknown_picks_again()
    {
        using var site = TempSite.Create(ThreeArticles);
        site.Write("articles/a.md", "---\ntitle: Alpha talks\ndate: 2026-03-01 10:00\nauthor: jane-doe\ncategory: world/diplomacy\ntags: [talks]\nrelated: [no-such-story]\n---\nAlpha body.\n");
        var first = await site.BuildAsync();
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");

        var second = await site.BuildAsync();

        Assert.True(second.RelatedReused);
        var warning = Assert.Single(first.Diagnostics, d => d.Message.Contains("no-such-story", StringComparison.Ordinal));
        Assert.Equal(warning, Assert.Single(second.Diagnostics, d => d.Message.Contains("no-such-story", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("one byte flipped")]
    [InlineData("deleted")]
    public async Task A_damaged_related_cache_means_the_lists_are_computed_again(string damage)
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var related = Path.Combine(site.DefaultCache, "related.bin");
        var bytes = File.ReadAllBytes(related);
        if (damage == "deleted")
        {
            File.Delete(related);
        }
        else
        {
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(related, bytes);
        }

        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var result = await site.BuildAsync();

        Assert.False(result.RelatedReused);
        Assert.True(File.Exists(related));
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one byte flipped")]
    [InlineData("deleted")]
    public async Task A_damaged_body_cache_means_every_body_is_rendered_again(string damage)
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var bodies = Path.Combine(site.DefaultCache, "bodies.bin");
        var bytes = File.ReadAllBytes(bodies);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(bodies, bytes[..(bytes.Length / 2)]);
                break;
            case "one byte flipped":
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(bodies, bytes);
                break;
            default:
                File.Delete(bodies);
                break;
        }

        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var result = await site.BuildAsync();

        Assert.Equal((3, 0), (result.BodiesRendered, result.BodiesReused));
        await AssertSameAsColdBuildAsync(site);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("corrupt")]
    [InlineData("other version")]
    public async Task A_missing_corrupt_or_foreign_cache_gives_a_cold_build(string damage)
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();
        var cacheFile = Path.Combine(new OutputFolder(site.DefaultOutput).CachePath, "build-cache.bin");
        switch (damage)
        {
            case "deleted":
                File.Delete(cacheFile);
                break;
            case "corrupt":
                File.WriteAllBytes(cacheFile, [.. File.ReadAllBytes(cacheFile).Select((b, i) => i == 40 ? (byte)(b ^ 1) : b)]);
                break;
            default:
                (BuildCache.Load(site.DefaultCache)! with { EngineVersion = "another engine" }).Save(site.DefaultCache);
                break;
        }

        site.Write("articles/c.md", "---\ntitle: Gamma\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nNew body.\n");

        var result = await site.BuildAsync();
        var cold = Path.Combine(site.Parent, "cold");
        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });

        Assert.True(result.Succeeded);
        Assert.False(result.UpToDate);
        Assert.Equal(0, result.FilesKept);
        Assert.Equal(Snapshotting.Folder(cold), Snapshotting.Folder(site.DefaultOutput));
    }

    [Fact]
    public async Task A_scheduled_article_appears_when_its_time_comes_even_though_no_file_changed()
    {
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/later.md --
            ---
            title: Scheduled story
            date: 2026-12-01 06:00
            author: jane-doe
            category: culture
            ---
            Published on schedule.
            """);
        await site.BuildAsync();
        Assert.False(site.OutputExists("later/index.html"));

        var sameDay = await site.BuildAsync(o => o with { Clock = new FixedClock(FixedClock.DefaultNow.AddHours(1)) });
        var afterSchedule = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero)) });

        Assert.True(sameDay.UpToDate);
        Assert.False(afterSchedule.UpToDate);
        Assert.True(site.OutputExists("later/index.html"));
    }

    [Fact]
    public async Task An_article_leaves_the_news_sitemap_after_its_last_moment_in_the_window_even_though_no_file_changed()
    {
        // Found by the differential tests (seed 1309): built at the very moment an article's two days ran out, the news
        // sitemap still listed it (the window includes both ends), but the cache was kept as valid for good, so every later
        // build found the site up to date and kept the article in the sitemap.
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/fresh.md --
            ---
            title: Fresh story
            date: 2026-11-28 03:00 +00:00
            author: jane-doe
            category: culture
            ---
            Two days old at the build.
            """);
        var lastMoment = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
        await site.BuildAsync(o => o with { Clock = new FixedClock(lastMoment) });
        Assert.Contains("/fresh/", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);

        var minuteLater = await site.BuildAsync(o => o with { Clock = new FixedClock(lastMoment.AddMinutes(1)) });

        Assert.False(minuteLater.UpToDate);
        Assert.DoesNotContain("/fresh/", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { Clock = new FixedClock(lastMoment.AddMinutes(1)) });
    }

    [Fact]
    public async Task A_future_article_built_with_future_enters_the_news_sitemap_on_its_date_even_though_no_file_changed()
    {
        // Listed from the first build with --future, it belongs in the news sitemap (and a breaking banner) only from its date.
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/later.md --
            ---
            title: Scheduled story
            date: 2026-12-01 06:00 +00:00
            author: jane-doe
            category: culture
            breaking: true
            ---
            Published on schedule.
            """);
        await site.BuildAsync(o => o with { IncludeFuture = true });
        Assert.DoesNotContain("/later/", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("breaking-banner", site.ReadOutput("index.html"), StringComparison.Ordinal);

        var onItsDate = await site.BuildAsync(o => o with { IncludeFuture = true, Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero)) });

        Assert.False(onItsDate.UpToDate);
        Assert.Contains("/later/", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("breaking-banner", site.ReadOutput("index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { IncludeFuture = true, Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero)) });
    }

    [Fact]
    public async Task An_article_leaves_the_listings_when_it_expires_even_though_no_file_changed()
    {
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/offer.md --
            ---
            title: Limited offer
            date: 2026-11-01
            expires: 2026-11-30 00:00 +00:00
            author: jane-doe
            category: culture
            ---
            Until the end of the month.
            """);
        await site.BuildAsync();
        Assert.Contains("Limited offer", site.ReadOutput("index.html"), StringComparison.Ordinal);

        var afterExpiry = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)) });

        Assert.False(afterExpiry.UpToDate);
        Assert.DoesNotContain("Limited offer", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_most_read_list_follows_the_analytics_window_as_days_pass_though_no_file_changed()
    {
        // Found by the differential tests: an unchanged site was reported up to date after the clock moved on, and kept a
        // most-read list counted over the old window.
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- data/analytics.csv --
            date,path,pageviews
            2026-11-23,/a/,900
            2026-11-28,/b/,100
            2026-11-28,/no-such-page/,5
            2026-12-03,/c/,50
            """);
        await site.BuildAsync();
        Assert.Equal(["a", "b"], MostRead(site.ReadOutput("index.html")));

        // The window is the seven days up to the build's time: row by row, each enters on its day and leaves seven days after.
        // Until a row enters or leaves, the site is up to date.
        (DateTimeOffset Now, string[] MostRead, bool UnknownPathReported, bool UpToDate)[] days =
        [
            (new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), ["a", "b"], true, true),
            (new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), ["b"], true, false),
            (new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero), ["b", "c"], true, false),
            (new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero), ["c"], false, false),
        ];
        foreach (var (now, mostRead, unknownPathReported, upToDate) in days)
        {
            var result = await site.BuildAsync(o => o with { Clock = new FixedClock(now) });

            Assert.Equal(upToDate, result.UpToDate);
            Assert.Equal(mostRead, MostRead(site.ReadOutput("index.html")));
            Assert.Equal(unknownPathReported, result.Diagnostics.Any(d => d.Code == "SN1003"));
        }

        static string[] MostRead(string html) =>
            [.. System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("Most Popular", StringComparison.Ordinal)..], "<li><a href=\"/(a|b|c)/\"")
                .Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public async Task A_correction_to_an_expired_article_is_written_to_the_page_it_keeps()
    {
        // Found by the preview's differential test: an expired article is out of the site's lists, and its front matter was
        // left out of the fingerprints, so its own page kept showing the article without the correction.
        using var site = TempSite.Create(ThreeArticles + "\n" + """
            -- articles/offer.md --
            ---
            title: Limited offer
            date: 2026-11-01
            expires: 2026-11-20
            author: jane-doe
            category: culture
            ---
            Until the twentieth.
            """);
        await site.BuildAsync();
        Assert.True(site.OutputExists("offer/index.html"));

        site.EditAged("articles/offer.md", "category: culture\n", "category: culture\ncorrections:\n  - date: 2026-11-10\n    note: The offer ended earlier than first said.\n");
        await site.BuildAsync();

        Assert.Contains("The offer ended earlier than first said.", site.ReadOutput("offer/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_body_edit_writes_again_only_the_search_files_whose_postings_changed()
    {
        using var site = TempSite.Create(ThreeArticles);
        var first = await SiteGenerator.RenderAsync(site.Options(), previous: null);

        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma body, corrected.\n");
        var second = await SiteGenerator.RenderAsync(site.Options(), first.Memo);
        site.Write("articles/c.md", "---\ntitle: Gamma culture\ndate: 2026-03-03 10:00\nauthor: jane-doe\ncategory: culture\n---\nGamma new body, corrected.\n");
        var third = await SiteGenerator.RenderAsync(site.Options(), second.Memo);
        var fresh = await SiteGenerator.RenderAsync(site.Options());

        // "corrected" is a new word of the body; "gamma" and "body" kept their positions, "alpha" is another article's.
        var reusedBySecond = Reused(first, second);
        Assert.DoesNotContain("search/index/co.json", reusedBySecond);
        Assert.Contains("search/index/bo.json", reusedBySecond);
        Assert.Contains("search/index/ga.json", reusedBySecond);
        Assert.Contains("search/index/al.json", reusedBySecond);

        // "new" moves "body" and "corrected" one word on.
        var reusedByThird = Reused(second, third);
        Assert.DoesNotContain("search/index/ne.json", reusedByThird);
        Assert.DoesNotContain("search/index/bo.json", reusedByThird);
        Assert.DoesNotContain("search/index/co.json", reusedByThird);
        Assert.Contains("search/index/ga.json", reusedByThird);
        Assert.Equal(fresh.Files.Select(f => (f.Path, Convert.ToHexString(f.Content.Span))), third.Files.Select(f => (f.Path, Convert.ToHexString(f.Content.Span))));
    }

    private static HashSet<string> Reused(BuildResult previous, BuildResult next)
    {
        var before = previous.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        return next.Files.Where(f => ReferenceEquals(f, before.GetValueOrDefault(f.Path))).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_in_memory_rerender_renders_only_the_pages_whose_inputs_changed_and_matches_a_fresh_render()
    {
        using var site = TempSite.Create(ThreeArticles);
        var first = await SiteGenerator.RenderAsync(site.Options(), previous: null);
        // Beta is not the home page's lead, whose reading time the home page shows.
        site.Write("articles/b.md", "---\ntitle: Beta trade\ndate: 2026-03-02 10:00\nauthor: jane-doe\ncategory: world/trade\ntags: [talks, trade]\n---\nBeta body, corrected.\n\n{{< also-read a >}}\n");

        var second = await SiteGenerator.RenderAsync(site.Options(), first.Memo);
        var fresh = await SiteGenerator.RenderAsync(site.Options());

        var before = first.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var reused = second.Files.Where(f => ReferenceEquals(f, before.GetValueOrDefault(f.Path))).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("b/index.html", reused);
        Assert.Contains("a/index.html", reused);
        Assert.Contains("c/index.html", reused);
        Assert.Contains("index.html", reused);
        Assert.Equal(fresh.Files.Select(f => (f.Path, Convert.ToHexString(f.Content.Span))), second.Files.Select(f => (f.Path, Convert.ToHexString(f.Content.Span))));
    }

    [Fact]
    public async Task Force_renders_every_page_again()
    {
        using var site = TempSite.Create(ThreeArticles);
        await site.BuildAsync();

        var result = await site.BuildAsync(o => o with { Incremental = false });

        Assert.False(result.UpToDate);
        Assert.Equal(0, result.FilesKept);
        Assert.True(result.FilesWritten > 10);
    }
}
