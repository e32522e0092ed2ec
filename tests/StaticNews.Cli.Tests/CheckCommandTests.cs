using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary><c>staticnews check</c> through the CLI: exit codes, and each diagnostic format byte for byte.</summary>
public sealed class CheckCommandTests
{
    /// <summary>One warning (no category, line 2) and one error (the date, line 3, column 7) in a file whose name needs escaping in annotations.</summary>
    private const string Mistakes = """
        -- articles/talks, day 1.md --
        ---
        title: Talks
        date: not a date
        author: jane-doe
        ---
        Text.
        """;

    private const string Broken = """
        -- articles/talks.md --
        ---
        title: Talks
        date: 2024-01-01
        author: jane-doe
        category: world
        ---
        See [the deal](/trade-deal/).
        """;

    [Fact]
    public async Task Msbuild_format_prints_diagnostics_to_stderr_and_a_summary_to_stdout()
    {
        using var site = TempSite.Create(Mistakes);

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("check", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "articles: warning SN0309: The site has no published articles.\n"
            + "articles/talks, day 1.md(2,1): warning SN0307: The article has no category; add 'category: path' so it appears in a section.\n"
            + "articles/talks, day 1.md(3,7): error SN0204: 'not a date' is not a date; write it as YYYY-MM-DD, optionally with a time (YYYY-MM-DD HH:MM) and an offset (+05:00).\n",
            stderr.ReplaceLineEndings("\n"));
        Assert.Equal("Check failed: 1 error, 2 warnings.\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Github_format_prints_workflow_annotations_with_escaped_properties()
    {
        using var site = TempSite.Create(Mistakes);

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("check", site.Root, "--format", "github");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "::warning file=articles,title=SN0309::The site has no published articles.\n"
            + "::warning file=articles/talks%2C day 1.md,line=2,col=1,title=SN0307::The article has no category; add 'category: path' so it appears in a section.\n"
            + "::error file=articles/talks%2C day 1.md,line=3,col=7,title=SN0204::'not a date' is not a date; write it as YYYY-MM-DD, optionally with a time (YYYY-MM-DD HH:MM) and an offset (+05:00).\n",
            stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task Json_format_prints_one_array_of_diagnostics()
    {
        using var site = TempSite.Create(Broken);

        var (exitCode, stdout, _) = await CliRunner.RunAsync("check", site.Root, "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            """
            [
              {
                "severity": "error",
                "code": "SN0801",
                "file": "articles/talks.md",
                "line": 7,
                "column": 5,
                "message": "The link \u0027/trade-deal/\u0027 leads to no page or file of the site; check the path, or link an article by its slug with (ref:SLUG)."
              }
            ]

            """,
            stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_broken_link_fails_check_but_not_build()
    {
        using var site = TempSite.Create(Broken);

        var check = await CliRunner.RunAsync("check", site.Root, "--format", "github");
        var build = await CliRunner.RunAsync("build", site.Root, "--quiet");

        Assert.Equal(1, check.ExitCode);
        Assert.Equal("::error file=articles/talks.md,line=7,col=5,title=SN0801::The link '/trade-deal/' leads to no page or file of the site; check the path, or link an article by its slug with (ref:SLUG).\n", check.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, build.ExitCode);
    }

    [Fact]
    public async Task A_clean_site_passes_and_strict_fails_on_a_warning()
    {
        using var site = TempSite.Create("""
            -- articles/talks.md --
            ---
            title: Talks
            date: 2024-01-01
            author: jane-doe
            ---
            Text.
            """);

        var lenient = await CliRunner.RunAsync("check", site.Root);
        var strict = await CliRunner.RunAsync("check", site.Root, "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal("Check passed: 14 pages, 1 warning.\n", lenient.Output.ReplaceLineEndings("\n"));
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal("articles/talks.md(2,1): error SN0307: The article has no category; add 'category: path' so it appears in a section.\n", strict.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Check_writes_nothing()
    {
        using var site = TempSite.Create(Broken.Replace("/trade-deal/", "/talks/", StringComparison.Ordinal));

        var (exitCode, _, _) = await CliRunner.RunAsync("check", site.Root);

        Assert.Equal(0, exitCode);
        Assert.False(Directory.Exists(site.DefaultOutput));
    }
}
