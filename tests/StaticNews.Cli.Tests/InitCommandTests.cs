using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_creates_a_site_that_builds_and_checks_right_away()
    {
        using var scratch = TempSite.Create(string.Empty, withBasics: false);
        var root = Path.Combine(scratch.Parent, "newsroom");

        var init = await CliRunner.RunAsync("init", root);
        var check = await CliRunner.RunAsync("check", root);
        var build = await CliRunner.RunAsync("build", root);

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Equal(string.Empty, check.Error);
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Contains("Welcome to your news site", File.ReadAllText(Path.Combine(root, "public", "welcome", "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "public", "author", "editor", "index.html")));
        Assert.True(File.Exists(Path.Combine(root, "public", "category", "news", "local", "index.html")));
    }

    [Fact]
    public async Task Init_lays_out_every_part_of_a_site()
    {
        using var scratch = TempSite.Create(string.Empty, withBasics: false);
        var root = Path.Combine(scratch.Parent, "newsroom");

        var (_, stdout, _) = await CliRunner.RunAsync("init", root);

        string[] expected = [".github/workflows/site.yml", ".gitignore", "articles/news/welcome.md", "authors/editor.md", "categories.yml", "data/popular.yml", "site.yml", "static/.gitkeep", "templates/README.txt"];
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
        Assert.All(expected, f => Assert.Contains("Created " + f + "\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Equal("# StaticNews output and its staging folders\npublic/\n.public.*\n", File.ReadAllText(Path.Combine(root, ".gitignore")));
        var readme = File.ReadAllText(Path.Combine(root, "templates/README.txt"));
        Assert.Contains("Page templates: layout.html, home.html, article.html", readme, StringComparison.Ordinal);
        Assert.Contains("{{ include 'partials/NAME.html' }}", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workflow_installs_the_tool_builds_on_push_and_deploys_to_github_pages()
    {
        using var scratch = TempSite.Create(string.Empty, withBasics: false);
        var root = Path.Combine(scratch.Parent, "newsroom");

        await CliRunner.RunAsync("init", root);

        var workflow = File.ReadAllText(Path.Combine(root, ".github/workflows/site.yml"));
        Assert.Contains("on:\n  push:\n    branches: [main]\n", workflow, StringComparison.Ordinal);
        Assert.Contains("  pages: write\n  id-token: write\n", workflow, StringComparison.Ordinal);
        Assert.Contains("run: dotnet tool install --global StaticNews.Tool --version 0.1.0\n", workflow, StringComparison.Ordinal);
        Assert.Contains("run: staticnews check . --format github\n", workflow, StringComparison.Ordinal);
        Assert.Contains("run: staticnews build . --output public --base-url \"${{ steps.pages.outputs.base_url }}/\"\n", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: actions/upload-pages-artifact@v3\n        with:\n          path: public\n", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: actions/deploy-pages@v4\n", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_refuses_a_folder_that_is_not_empty()
    {
        using var site = TempSite.Create(string.Empty);

        var (exitCode, _, stderr) = await CliRunner.RunAsync("init", site.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not empty; 'init' only creates a site in a new or empty folder", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Root, ".gitignore")));
    }
}
