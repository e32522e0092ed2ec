using System.Globalization;
using System.Text.RegularExpressions;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

public sealed class NewCommandTests
{
    [Fact]
    public async Task New_article_creates_a_draft_with_complete_front_matter_under_its_top_category()
    {
        using var site = TempSite.Create(string.Empty);
        var before = DateTimeOffset.UtcNow;

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("new", "article", "Envoy \"arrives\": talks begin", "--category", "world/diplomacy", "--author", "jane-doe", "--source", site.Root);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Created articles/world/envoy-arrives-talks-begin.md", stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(site.Root, "articles/world/envoy-arrives-talks-begin.md"));
        Assert.StartsWith("---\ntitle: \"Envoy \\\"arrives\\\": talks begin\"\ndate: ", text, StringComparison.Ordinal);
        Assert.Contains("\nslug: envoy-arrives-talks-begin\nauthors: [jane-doe]\ncategory: world/diplomacy\ntags: []\ndraft: true ", text, StringComparison.Ordinal);
        var date = Regex.Match(text, @"^date: (\S+ \S+)$", RegexOptions.Multiline).Groups[1].Value;
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var local = DateTime.ParseExact(date, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, london);
        Assert.InRange(utc, before.UtcDateTime.AddMinutes(-1), DateTime.UtcNow);
    }

    [Fact]
    public async Task A_new_article_builds_once_its_draft_line_is_removed()
    {
        using var site = TempSite.Create(string.Empty);
        await CliRunner.RunAsync("new", "article", "Trade deal signed", "--category", "world/trade", "--author", "jane-doe", "--source", site.Root);
        var path = Path.Combine(site.Root, "articles/world/trade-deal-signed.md");

        var drafts = await CliRunner.RunAsync("build", site.Root, "--drafts");
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), "^draft: .*\n", string.Empty, RegexOptions.Multiline));
        var published = await CliRunner.RunAsync("build", site.Root);

        Assert.True(drafts.ExitCode == 0, drafts.Error);
        Assert.True(published.ExitCode == 0, published.Error);
        Assert.Contains("Trade deal signed</h1>", site.ReadOutput("trade-deal-signed/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_in_any_script_gets_an_ascii_slug()
    {
        using var site = TempSite.Create(string.Empty);

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("new", "article", "Пресс-конференция в Женеве", "--category", "culture", "--author", "jane-doe", "--source", site.Root);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Created articles/culture/press-konferentsiya-v-zheneve.md", stdout, StringComparison.Ordinal);
        Assert.Contains("title: \"Пресс-конференция в Женеве\"", File.ReadAllText(Path.Combine(site.Root, "articles/culture/press-konferentsiya-v-zheneve.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_article_refuses_to_overwrite_an_existing_file()
    {
        using var site = TempSite.Create("""
            -- articles/world/talks.md --
            keep me
            """);

        var (exitCode, _, stderr) = await CliRunner.RunAsync("new", "article", "Talks", "--category", "world", "--author", "jane-doe", "--source", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal("staticnews: articles/world/talks.md already exists; it was left as it is. Choose another title, or edit that file.\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal("keep me\n", File.ReadAllText(Path.Combine(site.Root, "articles/world/talks.md")));
    }

    [Fact]
    public async Task An_unknown_category_is_refused_with_the_valid_ones_listed()
    {
        using var site = TempSite.Create(string.Empty);

        var (exitCode, _, stderr) = await CliRunner.RunAsync("new", "article", "Talks", "--category", "sport", "--author", "jane-doe", "--source", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal("staticnews: The category 'sport' is not in categories.yml. Valid categories: culture, world, world/diplomacy, world/trade.\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Path.Combine(site.Root, "articles")));
    }

    [Fact]
    public async Task An_unknown_author_is_refused_with_the_valid_ones_listed()
    {
        using var site = TempSite.Create(string.Empty);

        var (exitCode, _, stderr) = await CliRunner.RunAsync("new", "article", "Talks", "--category", "world", "--author", "john", "--source", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("The author 'john' does not exist (no authors/john.md). Valid authors: jane-doe.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_article_without_category_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await CliRunner.RunAsync("new", "article", "Talks", "--author", "jane-doe");

        Assert.Equal(2, exitCode);
        Assert.Contains("--category", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_author_creates_a_stub_named_after_the_id_that_articles_can_use()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            authors: [omar-field]
            category: world
            ---
            Text.
            """);

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("new", "author", "omar-field", "--source", site.Root);
        var build = await CliRunner.RunAsync("build", site.Root);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Created authors/omar-field.md", stdout, StringComparison.Ordinal);
        Assert.StartsWith("---\nname: \"Omar Field\"\n", File.ReadAllText(Path.Combine(site.Root, "authors/omar-field.md")), StringComparison.Ordinal);
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Contains("Omar Field", site.ReadOutput("author/omar-field/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_author_refuses_an_existing_author_and_a_bad_id()
    {
        using var site = TempSite.Create(string.Empty);

        var existing = await CliRunner.RunAsync("new", "author", "jane-doe", "--source", site.Root);
        var bad = await CliRunner.RunAsync("new", "author", "Jane Doe", "--source", site.Root);

        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("authors/jane-doe.md already exists", existing.Error, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("The author id 'Jane Doe' is not usable; use lowercase letters, digits and hyphens, e.g. 'jane-doe'.", bad.Error, StringComparison.Ordinal);
    }
}
