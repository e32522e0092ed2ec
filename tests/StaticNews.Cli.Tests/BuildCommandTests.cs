using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

public sealed class BuildCommandTests
{
    [Fact]
    public async Task Building_the_sample_site_writes_its_pages_and_a_summary()
    {
        var output = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"), "public");
        try
        {
            var (exitCode, stdout, stderr) = await CliRunner.RunAsync("build", Path.Combine(TestSites.RepositoryRoot, "site"), "--output", output);

            Assert.True(exitCode == 0, stderr);
            Assert.Contains("Built ", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "index.html")));
            Assert.True(File.Exists(Path.Combine(output, "404.html")));
            Assert.True(File.Exists(Path.Combine(output, "category", "diplomatic-news", "diplomacy", "index.html")));
            var article = File.ReadAllText(Path.Combine(output, "leaders-exchange-messages-after-re-election", "index.html"));
            Assert.Contains("(TMC):</span>", article, StringComparison.Ordinal);
            var articleCount = Directory.GetFiles(Path.Combine(TestSites.RepositoryRoot, "site", "articles"), "*.md", SearchOption.AllDirectories)
                .Count(f => !File.ReadAllText(f).Contains("draft: true", StringComparison.Ordinal));
            var written = Directory.GetDirectories(output).Count(d => File.Exists(Path.Combine(d, "index.html")) && !new[] { "category", "author", "tag", "tags", "archive", "page", "latest", "search" }.Contains(Path.GetFileName(d)));
            Assert.Equal(articleCount, written);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_site_with_errors_prints_msbuild_diagnostics_and_exits_with_1()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: not a date
            author: jane-doe
            category: world
            ---
            """);

        var (exitCode, _, stderr) = await CliRunner.RunAsync("build", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"articles/a\.md\(3,7\): error SN0204: 'not a date' is not a date", stderr.Replace('\\', '/'));
        Assert.Contains("Nothing was written", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.DefaultOutput));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (exitCode, _, stderr) = await CliRunner.RunAsync("build", "--no-such-option");

        Assert.Equal(2, exitCode);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_success()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            ---
            """);

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("build", site.Root, "--quiet");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(site.DefaultOutput, "a", "index.html")));
    }

    [Fact]
    public async Task Verbose_prints_the_time_of_each_stage()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            ---
            """);

        var (_, stdout, _) = await CliRunner.RunAsync("build", site.Root, "--verbose");

        Assert.Matches(@"Render\s+\d+ ms", stdout);
        Assert.Matches(@"Write\s+\d+ ms", stdout);
        Assert.Matches(@"Memory: \d+/\d+/\d+ collections \(gen 0/1/2\), \d+ ms paused, \d+\.\d MiB allocated", stdout);
    }

    [Fact]
    public async Task Verbose_says_what_a_body_edit_took_from_the_last_build()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            ---
            First words.
            -- articles/b.md --
            ---
            title: B
            date: 2024-01-02
            author: jane-doe
            category: world
            ---
            Other words.
            """);
        site.AgeFiles(TimeSpan.FromHours(1));
        var (_, cold, _) = await CliRunner.RunAsync("build", site.Root, "--verbose");
        site.EditAged("articles/a.md", "First words.", "First words, edited.");

        var (_, edit, _) = await CliRunner.RunAsync("build", site.Root, "--verbose");

        Assert.DoesNotContain("fingerprints kept", cold, StringComparison.Ordinal);
        Assert.Matches(@"Pages: \d+ rendered, the others unchanged since the last build; \d+ fingerprints kept from it \(only bodies changed\)", edit);
        Assert.Matches(@"Articles: 1 not read \(unchanged since the last build\); 0 front matters parsed, 2 taken from the cache; 1 bodies rendered from Markdown, 1 taken from the cache", edit);
        // The tests run JIT-compiled, with the system's ICU: nothing identifies the culture data, so nothing is kept of it.
        Assert.Contains("calendar texts read from the culture", edit, StringComparison.Ordinal);
    }
}
