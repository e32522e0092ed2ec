using System.Text;

namespace StaticNews.Tests.Infrastructure;

/// <summary>
/// A site folder made from a text block, so each test shows its whole input:
/// <code>
/// -- site.yml --
/// title: Test
/// -- articles/a.md --
/// ---
/// title: A
/// ---
/// </code>
/// Deleted when disposed.
/// </summary>
public sealed class TempSite : IDisposable
{
    /// <summary>A small valid site: settings, a two-level category tree and one author. Tests add articles or override files.</summary>
    public const string Basics = """
        -- site.yml --
        title: Test Gazette
        description: A site for tests.
        base_url: https://example.org/
        language: en
        time_zone: Europe/London
        short_name: TG
        page_size: 2
        -- categories.yml --
        - name: World
          slug: world
          description: News from everywhere.
          children:
            - name: Diplomacy
              slug: diplomacy
            - name: Trade
              slug: trade
        - name: Culture
          slug: culture
        -- authors/jane-doe.md --
        ---
        name: Jane Doe
        role: Correspondent
        website: https://example.com/jane
        ---
        Jane writes about **diplomacy**.
        """;

    private TempSite(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>The folder that holds the site (and the output beside it when a test asks).</summary>
    public string Parent => Path.GetDirectoryName(Root)!;

    public string DefaultOutput => Path.Combine(Root, "public");

    /// <summary>The build cache beside the default output: the one other folder a build may write.</summary>
    public string DefaultCache => new Output.OutputFolder(DefaultOutput).CachePath;

    public static TempSite Create(string files, bool withBasics = true)
    {
        var parent = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));
        var root = Path.Combine(parent, "site");
        Directory.CreateDirectory(root);
        var site = new TempSite(root);
        if (withBasics)
        {
            site.WriteFiles(Basics);
        }

        site.WriteFiles(files);
        return site;
    }

    public void WriteFiles(string block)
    {
        foreach (var (path, content) in ParseBlock(block))
        {
            Write(path, content);
        }
    }

    public void Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, byte[] content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    /// <summary>
    /// Rewrites one site file, replacing <paramref name="from"/> (which it must hold) with <paramref name="to"/>, dated half an
    /// hour ago: a file written just now is never trusted to its stamp, and files aged with <see cref="AgeFiles"/> an hour back
    /// keep theirs.
    /// </summary>
    public void EditAged(string relativePath, string from, string to)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{relativePath} does not hold '{from}'.", nameof(from));
        }

        Write(relativePath, text.Replace(from, to, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromMinutes(30));
    }

    /// <summary>Sets every site file's time stamp <paramref name="age"/> back (an hour: as if checked out well before the build), or ahead when negative.</summary>
    public void AgeFiles(TimeSpan age)
    {
        var time = DateTime.UtcNow - age;
        foreach (var name in new[] { "site.yml", "categories.yml" })
        {
            if (File.Exists(Path.Combine(Root, name)))
            {
                File.SetLastWriteTimeUtc(Path.Combine(Root, name), time);
            }
        }

        foreach (var folder in new[] { "articles", "authors", "data", "templates", "static" })
        {
            var path = Path.Combine(Root, folder);
            foreach (var file in Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : [])
            {
                File.SetLastWriteTimeUtc(file, time);
            }
        }
    }

    public string ReadOutput(string relativePath, string? output = null) => File.ReadAllText(Path.Combine(output ?? DefaultOutput, relativePath));

    public bool OutputExists(string relativePath, string? output = null) => File.Exists(Path.Combine(output ?? DefaultOutput, relativePath));

    public BuildOptions Options(Func<BuildOptions, BuildOptions>? configure = null)
    {
        var options = new BuildOptions { SourcePath = Root, Clock = new FixedClock(FixedClock.DefaultNow) };
        return configure is null ? options : configure(options);
    }

    public Task<BuildResult> BuildAsync(Func<BuildOptions, BuildOptions>? configure = null) => SiteGenerator.BuildAsync(Options(configure));

    public Task<BuildResult> CheckAsync(Func<BuildOptions, BuildOptions>? configure = null) => SiteGenerator.CheckAsync(Options(configure));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on cleanup.
        }
    }

    /// <summary>Splits "-- path --" sections; the common leading indentation of the block is removed first.</summary>
    internal static IEnumerable<(string Path, string Content)> ParseBlock(string block)
    {
        var lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? path = null;
        var content = new StringBuilder();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- ", StringComparison.Ordinal) && trimmed.EndsWith(" --", StringComparison.Ordinal) && trimmed.Length > 6)
            {
                if (path is not null)
                {
                    yield return (path, content.ToString());
                }

                path = trimmed[3..^3].Trim();
                content.Clear();
            }
            else if (path is not null)
            {
                content.Append(line).Append('\n');
            }
        }

        if (path is not null)
        {
            yield return (path, content.ToString());
        }
    }
}
