using System.Globalization;
using System.Text;
using StaticNews.Output;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StaticNews.Tests.Differential;

/// <summary>
/// The build cache is an optimisation only: after any sequence of changes a newsroom makes, an incremental build gives the
/// same folder, byte for byte, and the same diagnostics as a cold build of the same sources; a build right after it finds
/// the site up to date; and a build that fails leaves the previous output as it was. Each sequence starts from a copy of
/// the sample newsroom (<c>site/</c>) and is drawn from a seed (<see cref="NewsroomEditor"/>), so a failure names the seed
/// and the changes that led to it. <c>STATICNEWS_DIFFERENTIAL_SEEDS</c> runs other seeds (<c>100-199</c>, or <c>7,8,9</c>)
/// for a longer search.
/// </summary>
public sealed class IncrementalDifferentialTests(ITestOutputHelper output)
{
    private const int Steps = 12;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        var asked = Environment.GetEnvironmentVariable("STATICNEWS_DIFFERENTIAL_SEEDS");
        foreach (var seed in string.IsNullOrWhiteSpace(asked) ? [1, 2, 3] : ParseSeeds(asked))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task After_any_sequence_of_newsroom_changes_an_incremental_build_gives_what_a_cold_build_gives(int seed)
    {
        using var folder = new TempFolder();
        var (source, editor) = SampleNewsroomIn(folder, seed);
        var incremental = Path.Combine(folder.Path, "incremental");
        var cold = Path.Combine(folder.Path, "cold");
        var tampering = new Random(seed + 1_000_003);
        var history = new List<string>();
        IReadOnlyList<string>? lastGood = null;
        var (successes, failures) = (0, 0);
        var paths = new CachePaths();

        for (var step = 0; step <= Steps; step++)
        {
            if (step > 0)
            {
                var edits = editor.EditOnce().ToList();
                if (lastGood is not null && tampering.Next(8) == 0 && DeleteAnOutputFile(incremental, tampering) is { } deleted)
                {
                    // Someone deleted a published file: the next build that changes anything writes it again, as a cold build
                    // has it (one that finds the sources up to date does not look at the output: the README says so).
                    edits.Add($"deleted {deleted} from the output");
                    edits.Add(editor.EditOneBody());
                    lastGood = Snapshotting.Folder(incremental);
                }

                history.Add($"step {step}: " + string.Join("; ", edits));
            }

            var settings = editor.Settings;
            var built = await BuildAsync(source, incremental, settings, incrementalBuild: true);
            DeleteWithCache(cold);
            var reference = await BuildAsync(source, cold, settings, incrementalBuild: false);
            var report = $"seed {seed}, step {step} ({settings}), after:\n{string.Join('\n', history)}";

            var (expected, actual) = (Describe(reference.Diagnostics), Describe(built.Diagnostics));
            Assert.True(expected.SequenceEqual(actual), $"The diagnostics differ; {report}\ncold:\n{string.Join('\n', expected)}\nincremental:\n{string.Join('\n', actual)}");
            Assert.True(reference.Succeeded == built.Succeeded, $"Only one build succeeded; {report}");
            if (built.Succeeded)
            {
                var difference = FolderDifference(cold, incremental);
                Assert.True(difference is null, $"The outputs differ: {difference}; {report}");
                lastGood = Snapshotting.Folder(incremental);
                successes++;
                paths.Count(built);

                // Built again at once, nothing changed: up to date, the same warnings, and not a file written.
                var again = await BuildAsync(source, incremental, settings, incrementalBuild: true);
                Assert.True(again.UpToDate && again.FilesWritten == 0, $"A build right after the last found {again.FilesWritten} files to write; {report}");
                Assert.True(Describe(built.Diagnostics).SequenceEqual(Describe(again.Diagnostics)), $"A build right after the last gave other diagnostics; {report}");
                Assert.True(lastGood.SequenceEqual(Snapshotting.Folder(incremental)), $"A build right after the last changed the output; {report}");
            }
            else
            {
                var unchanged = lastGood is null
                    ? !Directory.Exists(incremental) || !Directory.EnumerateFileSystemEntries(incremental).Any()
                    : lastGood.SequenceEqual(Snapshotting.Folder(incremental));
                Assert.True(unchanged, $"A failed build changed the output; {report}");
                failures++;
                history.Add($"  failed alike: {string.Join("; ", built.Diagnostics.Where(d => d.IsError).Take(3))}");
            }
        }

        output.WriteLine($"seed {seed}: {successes} builds compared, {failures} failed alike; of the incremental builds compared, {paths}\n{string.Join('\n', history)}");
        Assert.True(successes >= Steps / 3, $"Too few builds succeeded to compare their outputs ({successes} of {Steps + 1}); seed {seed}");

        // Else the comparison would only have compared two cold builds.
        Assert.True(paths.FrontMattersReused > 0 && paths.BodiesReused > 0, $"No incremental build took anything from the cache; seed {seed}: {paths}");
    }

    /// <summary>
    /// The preview server's path (<c>staticnews serve</c>): each save renders the site in memory again from the last good
    /// render's memo, rendering only the pages whose inputs changed; after any sequence of changes that must give the files
    /// and diagnostics a fresh render gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task After_any_sequence_of_newsroom_changes_the_previews_render_from_its_memo_gives_what_a_fresh_render_gives(int seed)
    {
        using var folder = new TempFolder();
        var (source, editor) = SampleNewsroomIn(folder, seed);
        var history = new List<string>();
        Incremental.RenderMemo? memo = null;
        var (compared, pagesKept) = (0, 0);

        for (var step = 0; step <= Steps; step++)
        {
            if (step > 0)
            {
                history.Add($"step {step}: " + string.Join("; ", editor.EditOnce()));
            }

            var options = Options(source, editor.Settings);
            var rendered = await SiteGenerator.RenderAsync(options, memo);
            var fresh = await SiteGenerator.RenderAsync(options);
            var report = $"seed {seed}, step {step} ({editor.Settings}), after:\n{string.Join('\n', history)}";

            var (expected, actual) = (Describe(fresh.Diagnostics), Describe(rendered.Diagnostics));
            Assert.True(expected.SequenceEqual(actual), $"The diagnostics differ; {report}\nfresh:\n{string.Join('\n', expected)}\nfrom the memo:\n{string.Join('\n', actual)}");
            Assert.True(fresh.Succeeded == rendered.Succeeded, $"Only one render succeeded; {report}");
            if (rendered.Succeeded)
            {
                var differing = FileDifference(fresh.Files, rendered.Files);
                Assert.True(differing is null, $"The files differ: {differing}; {report}");
                compared++;
                pagesKept += memo is not null && rendered.PagesRendered < rendered.Model!.Pages.Count ? 1 : 0;

                // As the preview does: only a good render's memo is kept.
                memo = rendered.Memo;
            }
        }

        output.WriteLine($"seed {seed}: {compared} renders compared, {pagesKept} of them rendering only some pages\n{string.Join('\n', history)}");
        Assert.True(compared >= Steps / 3, $"Too few renders succeeded to compare ({compared} of {Steps + 1}); seed {seed}");
        Assert.True(pagesKept > 0, $"No render took a page from the memo; seed {seed}");
    }

    /// <summary>The first difference between two renders' files, or null when they hold the same paths with the same bytes.</summary>
    private static string? FileDifference(IReadOnlyList<OutputFile> expected, IReadOnlyList<OutputFile> actual)
    {
        var expectedFiles = expected.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var actualFiles = actual.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var missing = expectedFiles.Keys.Except(actualFiles.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(10).ToList();
        var extra = actualFiles.Keys.Except(expectedFiles.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(10).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"missing from the memo's render: [{string.Join(", ", missing)}], only there: [{string.Join(", ", extra)}]";
        }

        var differing = expectedFiles.Keys.Where(path => !expectedFiles[path].Span.SequenceEqual(actualFiles[path].Span)).Order(StringComparer.Ordinal).ToList();
        return differing.Count == 0 ? null : $"{differing.Count} files differ [{string.Join(", ", differing.Take(10))}]";
    }

    /// <summary>Deletes a file the build published (a page, a feed, an asset: not the build's marker), and returns its path.</summary>
    private static string? DeleteAnOutputFile(string outputPath, Random random)
    {
        var files = Files(outputPath).Where(f => !f.Split('/').Any(part => part.StartsWith('.'))).ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var file = files[random.Next(files.Count)];
        File.Delete(Path.Combine(outputPath, file));
        return file;
    }

    private static Task<BuildResult> BuildAsync(string source, string outputPath, BuildSettings settings, bool incrementalBuild) =>
        SiteGenerator.BuildAsync(Options(source, settings) with
        {
            OutputPath = outputPath,
            Incremental = incrementalBuild,
            CultureDataIdentity = incrementalBuild ? "differential-tests" : null,
        });

    private static BuildOptions Options(string source, BuildSettings settings) => new()
    {
        SourcePath = source,
        Clock = new FixedClock(settings.Now),
        IncludeDrafts = settings.Drafts,
        IncludeFuture = settings.Future,
        Strict = settings.Strict,
        BaseUrl = settings.BaseUrl,
    };

    private static List<string> Describe(IReadOnlyList<Diagnostics.Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>The first difference between two folders, with the first line where a file's texts part, or null when they are byte-identical.</summary>
    private static string? FolderDifference(string expected, string actual)
    {
        var expectedFiles = Files(expected);
        var actualFiles = Files(actual);
        var missing = expectedFiles.Except(actualFiles, StringComparer.Ordinal).ToList();
        var extra = actualFiles.Except(expectedFiles, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"missing from the incremental output: [{string.Join(", ", missing.Take(10))}], only there: [{string.Join(", ", extra.Take(10))}]";
        }

        var differing = expectedFiles.Where(f => !File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f)))).ToList();
        if (differing.Count == 0)
        {
            return null;
        }

        var first = differing[0];
        var expectedLines = File.ReadAllLines(Path.Combine(expected, first));
        var actualLines = File.ReadAllLines(Path.Combine(actual, first));
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{differing.Count} files differ [{string.Join(", ", differing.Take(10))}]; {first} parts at line {line + 1}:\n")
            .Append(CultureInfo.InvariantCulture, $"cold:        {Clip(expectedLines.ElementAtOrDefault(line))}\n")
            .Append(CultureInfo.InvariantCulture, $"incremental: {Clip(actualLines.ElementAtOrDefault(line))}")
            .ToString();
    }

    private static List<string> Files(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    private static string Clip(string? line) => line is null ? "(end of file)" : line.Length <= 300 ? line : line[..300] + "…";

    private static void DeleteWithCache(string outputPath)
    {
        foreach (var folder in new[] { outputPath, new OutputFolder(outputPath).CachePath })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A copy of the sample newsroom in <paramref name="folder"/>, its files dated back, and the editor that changes it from <paramref name="seed"/>.</summary>
    private static (string Source, NewsroomEditor Editor) SampleNewsroomIn(TempFolder folder, int seed)
    {
        var source = Path.Combine(folder.Path, "site");
        CopySite(Path.Combine(TestSites.RepositoryRoot, "site"), source);
        var editor = new NewsroomEditor(source, Path.Combine(TestSites.RepositoryRoot, "templates"), new Random(seed));
        editor.AgeAll();
        return (source, editor);
    }

    /// <summary>Copies the sample site's sources, not the output a local build may have left in it.</summary>
    private static void CopySite(string from, string to)
    {
        var sources = new[] { "site.yml", "categories.yml", "articles", "authors", "data", "static", "templates" };
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
            .Where(f => sources.Contains(Path.GetRelativePath(from, f).Split(Path.DirectorySeparatorChar)[0], StringComparer.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static IEnumerable<int> ParseSeeds(string text)
    {
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
            for (var seed = first; seed <= last; seed++)
            {
                yield return seed;
            }
        }
    }
}
