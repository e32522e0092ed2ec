using StaticNews.Benchmarks;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The benchmark's <c>soak</c> command: random newsroom changes to a generated site, each built incrementally and cold by
/// the CLI as a child process, whose folders must be byte-identical.
/// </summary>
public sealed class IncrementalSoakTests
{
    [Fact]
    public void The_cli_built_incrementally_gives_what_it_builds_cold_after_each_change()
    {
        using var temp = new TempFolder();
        var cli = Path.Combine(AppContext.BaseDirectory, "StaticNews.Cli.dll");
        var report = new StringWriter();

        var agreed = new IncrementalSoak(temp.Path, report).Run(["dotnet", cli], articles: 12, steps: 4, seed: 7);

        var text = report.ToString();
        Assert.True(agreed, text);
        Assert.Equal(4, text.Split('\n').Count(line => line.StartsWith("seed 7 step ", StringComparison.Ordinal) && line.Contains(": identical (", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")), "a soak that passed leaves nothing behind");
    }

    [Fact]
    public void A_cold_build_that_differs_from_the_incremental_one_stops_the_soak_naming_the_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempFolder();
        var root = Directory.CreateDirectory(Path.GetDirectoryName(temp.Path)!).FullName;
        // Writes the output folder's own path into it: the two folders always differ by that one file.
        var standIn = Path.Combine(root, "stand-in.sh");
        File.WriteAllText(standIn, "#!/bin/sh\nmkdir -p \"$4\" && echo \"$4\" > \"$4/built-by.txt\"\n");
        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var report = new StringWriter();

        var agreed = new IncrementalSoak(Path.Combine(root, "work"), report).Run([standIn], articles: 12, steps: 3, seed: 1);

        Assert.False(agreed);
        Assert.Contains("seed 1 step 1, ", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("the incremental output differs from the cold build's: built-by.txt differs", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_key_is_replaced_where_it_stands_or_added_at_the_end()
    {
        const string Article = "---\ntitle: One\ndate: 2026-01-02 10:00\n---\nBody: not front matter.\n";

        Assert.Equal("---\ntitle: Two\ndate: 2026-01-02 10:00\n---\nBody: not front matter.\n", FrontMatterEdit.Set(Article, "title", "Two"));
        Assert.Equal("---\ntitle: One\ndate: 2026-01-02 10:00\nlocation: Oslo\n---\nBody: not front matter.\n", FrontMatterEdit.Set(Article, "location", "Oslo"));
        Assert.Equal(Article, FrontMatterEdit.Set(Article, "title", "One"));
        Assert.Throws<ArgumentException>(() => FrontMatterEdit.Set("No front matter.\n", "title", "x"));
    }
}
