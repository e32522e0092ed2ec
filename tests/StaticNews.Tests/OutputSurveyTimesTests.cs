using StaticNews.Diagnostics;
using StaticNews.Incremental;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// The output check records its folders' times so the next build reads only the folders changed since; whatever a person
/// adds, removes or replaces in the output is still found.
/// </summary>
public sealed class OutputSurveyTimesTests
{
    /// <summary>The output safety tests' site and a second article, in another category.</summary>
    private const string TwoArticles = OutputSafetyTests.OneArticle + """

        -- articles/second.md --
        ---
        title: Second
        date: 2026-03-20
        author: jane-doe
        category: culture
        ---
        More.
        """;

    private static readonly DateTime AnHourAgo = DateTime.UtcNow.AddHours(-1);

    private static async Task<TempSite> BuiltSiteAsync()
    {
        var site = TempSite.Create(TwoArticles);
        await BuildCleanlyAsync(site);
        return site;
    }

    /// <summary>Every folder below <paramref name="output"/>, relative and '/'-separated.</summary>
    private static List<string> FoldersOf(string output) =>
        [.. Directory.EnumerateDirectories(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))];

    /// <summary>Sets the time of every folder below <paramref name="output"/> an hour back, as if the output had been built long ago.</summary>
    private static void AgeFolders(string output) => SetFolderTimes(output, AnHourAgo);

    /// <summary>Sets the time of every folder below <paramref name="output"/> (not of the output folder itself).</summary>
    private static void SetFolderTimes(string output, DateTime time)
    {
        foreach (var folder in FoldersOf(output))
        {
            Directory.SetLastWriteTimeUtc(Path.Combine(output, folder), time);
        }
    }

    /// <summary>A folder two levels down that holds a listed file, such as a subcategory's.</summary>
    private static string NestedFolder(string output) =>
        FoldersOf(output).Where(f => f.Count(c => c == '/') == 1 && File.Exists(Path.Combine(output, f, "index.html"))).Order(StringComparer.Ordinal).First();

    /// <summary>A built site whose output looks built an hour ago, the folder times a survey of it records, and a nested folder.</summary>
    private static async Task<(TempSite Site, string Output, IReadOnlyDictionary<string, long> Recorded, string Nested)> SurveyedOldOutputAsync()
    {
        var site = await BuiltSiteAsync();
        var output = site.DefaultOutput;
        AgeFolders(output);
        return (site, output, OutputFolder.Survey(output)!.FolderTimes, NestedFolder(output));
    }

    /// <summary>
    /// A built site whose output looks built an hour ago, built again after an edit (so the build cache records the output's
    /// folder times), and a nested folder.
    /// </summary>
    private static async Task<(TempSite Site, string Output, string Nested)> RebuiltOldOutputAsync()
    {
        var site = await BuiltSiteAsync();
        var output = site.DefaultOutput;
        AgeFolders(output);
        Retitle(site, "Second, revised");
        await BuildCleanlyAsync(site);
        return (site, output, NestedFolder(output));
    }

    /// <summary>Gives the second article a new title: the next build has a page to change.</summary>
    private static void Retitle(TempSite site, string title) =>
        site.Write("articles/second.md", $"---\ntitle: {title}\ndate: 2026-03-20\nauthor: jane-doe\ncategory: culture\n---\nMore.\n");

    /// <summary>The folder times the build cache beside <paramref name="site"/>'s output records.</summary>
    private static Dictionary<string, long> RecordedFolderTimes(TempSite site) =>
        OutputFolderRecord.Decode(BuildCache.Load(site.DefaultCache)!.OutputFolderRecord)!;

    /// <summary>Adds a file of someone's to <paramref name="folder"/> and retitles an article: the next build refuses the output, naming the file.</summary>
    private static async Task AssertAFileAddedIsRefusedAsync(TempSite site, string folder, string title)
    {
        File.WriteAllText(Path.Combine(site.DefaultOutput, folder, "notes.txt"), "mine");
        Retitle(site, title);

        var refused = await site.BuildAsync();

        var diagnostic = DiagnosticAssert.Single(refused.Diagnostics, DiagnosticCodes.OutputUnsafe, site.DefaultOutput, 0, 0);
        Assert.Contains($"('{folder}/notes.txt')", diagnostic.Message, StringComparison.Ordinal);
    }

    private static async Task BuildCleanlyAsync(TempSite site) => DiagnosticAssert.NoErrors((await site.BuildAsync()).Diagnostics);

    /// <summary>
    /// Builds <paramref name="site"/> writing each file a few milliseconds after the last, as a real site's build takes time:
    /// a two-article site is otherwise written within the file system clock's last tick (4 to 10 ms on Linux), and no folder
    /// of it could be recorded as settled.
    /// </summary>
    private static async Task BuildCleanlyWithFilesApartAsync(TempSite site) =>
        DiagnosticAssert.NoErrors((await site.BuildAsync(o => o with { BeforeFileWrite = (_, token) => new ValueTask(Task.Delay(5, token)) })).Diagnostics);

    [Fact]
    public async Task A_survey_records_the_times_of_settled_folders_only()
    {
        using var site = await BuiltSiteAsync();
        var output = site.DefaultOutput;
        var nested = NestedFolder(output);
        AgeFolders(output);
        Directory.SetLastWriteTimeUtc(Path.Combine(output, nested), DateTime.UtcNow);

        var survey = OutputFolder.Survey(output)!;

        Assert.Equal(FoldersOf(output).Where(f => f != nested).Order(StringComparer.Ordinal), survey.FolderTimes.Keys.Order(StringComparer.Ordinal));
        Assert.All(survey.FolderTimes.Values, time => Assert.Equal(AnHourAgo.Ticks, time));
        Assert.Empty(survey.Foreign);
        Assert.Empty(survey.Missing);
    }

    [Fact]
    public async Task A_survey_records_a_young_folder_older_than_the_output_folder_itself()
    {
        using var site = await BuiltSiteAsync();
        var output = site.DefaultOutput;
        var nested = NestedFolder(output);
        var aSecondAgo = DateTime.UtcNow.AddSeconds(-1);
        SetFolderTimes(output, aSecondAgo);
        Directory.SetLastWriteTimeUtc(Path.Combine(output, nested), aSecondAgo.AddMilliseconds(500));
        Directory.SetLastWriteTimeUtc(output, aSecondAgo.AddMilliseconds(500));

        var survey = OutputFolder.Survey(output)!;

        // The file system's clock had passed the output folder's time, so a later change to a folder older than it shows.
        Assert.Equal(FoldersOf(output).Where(f => f != nested).Order(StringComparer.Ordinal), survey.FolderTimes.Keys.Order(StringComparer.Ordinal));
        Assert.All(survey.FolderTimes.Values, time => Assert.Equal(aSecondAgo.Ticks, time));
    }

    [Fact]
    public async Task An_output_folder_time_ahead_of_the_clock_is_not_trusted()
    {
        using var site = await BuiltSiteAsync();
        var output = site.DefaultOutput;
        SetFolderTimes(output, DateTime.UtcNow.AddSeconds(-1));
        Directory.SetLastWriteTimeUtc(output, DateTime.UtcNow.AddHours(1));

        Assert.Empty(OutputFolder.Survey(output)!.FolderTimes);
    }

    [Fact]
    public async Task Builds_seconds_apart_record_the_folders_and_still_refuse_a_foreign_file()
    {
        using var site = TempSite.Create(TwoArticles);
        var output = site.DefaultOutput;
        await BuildCleanlyWithFilesApartAsync(site);
        Retitle(site, "Second, revised");
        await BuildCleanlyAsync(site);

        // Seconds after the first build, every folder is younger than the settle time, yet older than the output folder: all
        // but those whose last change shares the file system clock's tick with the build's last step (a few milliseconds).
        var recorded = RecordedFolderTimes(site);
        Assert.True(recorded.Count >= FoldersOf(output).Count / 2, $"{recorded.Count} of {FoldersOf(output).Count} folders recorded");
        var nested = recorded.Keys.Where(f => f.Count(c => c == '/') == 1 && File.Exists(Path.Combine(output, f, "index.html"))).Order(StringComparer.Ordinal).First();

        await AssertAFileAddedIsRefusedAsync(site, nested, "Second, revised twice");
    }

    [Fact]
    public async Task A_first_build_records_the_folders_it_wrote_and_the_next_still_refuses_a_foreign_file()
    {
        using var site = TempSite.Create(TwoArticles);
        var output = site.DefaultOutput;

        await BuildCleanlyWithFilesApartAsync(site);

        var recorded = RecordedFolderTimes(site);
        Assert.True(recorded.Count >= FoldersOf(output).Count / 2, $"{recorded.Count} of {FoldersOf(output).Count} folders recorded");
        Assert.All(recorded, folder => Assert.Equal(Directory.GetLastWriteTimeUtc(Path.Combine(output, folder.Key)).Ticks, folder.Value));
        Assert.All(recorded.Values, time => Assert.True(time < Directory.GetLastWriteTimeUtc(output).Ticks));
        Assert.Equal([OutputFolder.MarkerFileName], Directory.EnumerateFiles(output, OutputFolder.MarkerFileName + "*").Select(Path.GetFileName));

        await AssertAFileAddedIsRefusedAsync(site, recorded.Keys.Where(f => f.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal).First(), "Second, revised");
    }

    [Fact]
    public async Task A_folder_still_carrying_its_recorded_time_is_not_read_again()
    {
        var (site, output, recorded, nested) = await SurveyedOldOutputAsync();
        using var _ = site;

        // Only a forged time hides a change: the file is not seen because its folder's entries are not read.
        File.WriteAllText(Path.Combine(output, nested, "notes.txt"), "mine");
        Directory.SetLastWriteTimeUtc(Path.Combine(output, nested), AnHourAgo);

        Assert.Empty(OutputFolder.Survey(output, recorded)!.Foreign);
        Assert.Equal([nested + "/notes.txt"], OutputFolder.Survey(output)!.Foreign);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_listed_folder_is_found_however_long_its_path(int levels)
    {
        // Three levels of 100 characters: a path longer than the walk looks up without making it a string.
        using var temp = new TempFolder();
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 100), levels));
        Directory.CreateDirectory(Path.Combine(temp.Path, deep));
        File.WriteAllText(Path.Combine(temp.Path, deep, "index.html"), "<p>listed</p>");
        OutputFolder.WriteMarker(Path.Combine(temp.Path, OutputFolder.MarkerFileName), [deep + "/index.html"]);
        AgeFolders(temp.Path);

        var survey = OutputFolder.Survey(temp.Path)!;

        Assert.Empty(survey.Foreign);
        Assert.Empty(survey.Missing);
        Assert.Contains(deep, survey.FolderTimes.Keys);
    }

    [Fact]
    public async Task Files_added_or_removed_after_the_recorded_survey_are_found()
    {
        var (site, output, recorded, nested) = await SurveyedOldOutputAsync();
        using var _ = site;
        File.WriteAllText(Path.Combine(output, nested, "notes.txt"), "mine");
        File.Delete(Path.Combine(output, "second", "index.html"));

        var survey = OutputFolder.Survey(output, recorded)!;

        Assert.Equal([nested + "/notes.txt"], survey.Foreign);
        Assert.Equal(["second/index.html"], survey.Missing);
        Assert.DoesNotContain(nested, survey.FolderTimes.Keys);
        Assert.DoesNotContain("second", survey.FolderTimes.Keys);
    }

    [Fact]
    public async Task A_subfolder_replaced_by_a_link_under_an_unchanged_looking_folder_is_found()
    {
        var (site, output, recorded, nested) = await SurveyedOldOutputAsync();
        using var _ = site;
        var parent = nested[..nested.IndexOf('/', StringComparison.Ordinal)];
        var elsewhere = Path.Combine(site.Parent, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "keep.txt"), "not StaticNews's");
        Directory.Delete(Path.Combine(output, nested), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(output, nested), elsewhere);
        Directory.SetLastWriteTimeUtc(Path.Combine(output, parent), AnHourAgo);

        var survey = OutputFolder.Survey(output, recorded)!;

        Assert.Equal([nested], survey.Foreign);
        Assert.Contains(nested + "/index.html", survey.Missing);
    }

    [Fact]
    public async Task A_folder_the_list_has_nothing_in_is_read_even_with_a_recorded_time()
    {
        var (site, output, recorded, _) = await SurveyedOldOutputAsync();
        using var _ = site;
        var theirs = Path.Combine(output, "theirs");
        Directory.CreateDirectory(theirs);
        File.WriteAllText(Path.Combine(theirs, "notes.txt"), "mine");
        Directory.SetLastWriteTimeUtc(theirs, AnHourAgo);
        Directory.SetLastWriteTimeUtc(output, AnHourAgo);
        var withTheirs = new Dictionary<string, long>(recorded) { ["theirs"] = AnHourAgo.Ticks };

        var survey = OutputFolder.Survey(output, withTheirs)!;

        Assert.Equal(["theirs/notes.txt"], survey.Foreign);
        Assert.DoesNotContain("theirs", survey.FolderTimes.Keys);
    }

    [Fact]
    public async Task The_cache_record_of_a_survey_gives_the_next_survey_the_same_times()
    {
        var (site, output, recorded, nested) = await SurveyedOldOutputAsync();
        using var _ = site;
        var record = OutputFolderRecord.Encode(OutputFolder.Survey(output, recorded)!);
        File.WriteAllText(Path.Combine(output, nested, "notes.txt"), "mine");
        Directory.SetLastWriteTimeUtc(Path.Combine(output, nested), AnHourAgo);

        Assert.Equal(recorded.OrderBy(p => p.Key, StringComparer.Ordinal), OutputFolderRecord.Decode(record)!.OrderBy(p => p.Key, StringComparer.Ordinal));
        // Read from the record, the times hide the forged folder's file as the dictionary's do; an unreadable record hides nothing.
        Assert.Empty(OutputFolder.Survey(output, record)!.Foreign);
        Assert.Equal([nested + "/notes.txt"], OutputFolder.Survey(output, record[..^3])!.Foreign);
        Assert.Equal([nested + "/notes.txt"], OutputFolder.Survey(output, [])!.Foreign);
    }

    [Fact]
    public async Task Builds_over_an_old_output_still_refuse_a_foreign_file_and_restore_a_deleted_one()
    {
        var (site, output, nested) = await RebuiltOldOutputAsync();
        using var _ = site;
        File.Delete(Path.Combine(output, nested, "index.html"));
        site.Write("articles/talks.md", "---\ntitle: Talks resume again\ndate: 2026-03-19\nauthor: jane-doe\ncategory: world/diplomacy\n---\nDelegations met.\n");

        var restored = await site.BuildAsync();

        DiagnosticAssert.NoErrors(restored.Diagnostics);
        Assert.True(site.OutputExists(nested + "/index.html"));
        AgeFolders(output);
        Retitle(site, "Second, revised twice");
        await BuildCleanlyAsync(site);
        File.WriteAllText(Path.Combine(output, nested, "notes.txt"), "mine");
        Retitle(site, "Second, revised thrice");

        var refused = await site.BuildAsync();

        var diagnostic = DiagnosticAssert.Single(refused.Diagnostics, DiagnosticCodes.OutputUnsafe, output, 0, 0);
        Assert.Contains($"('{nested}/notes.txt')", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, nested, "notes.txt")));
    }

    [Fact]
    public async Task A_build_trusts_the_folder_times_its_cache_records_and_force_reads_every_folder()
    {
        var (site, output, nested) = await RebuiltOldOutputAsync();
        using var _ = site;
        Assert.Equal(AnHourAgo.Ticks, RecordedFolderTimes(site)[nested]);

        // The limit the README states: a folder's time put back by hand hides what was added to it, until --force.
        File.WriteAllText(Path.Combine(output, nested, "notes.txt"), "mine");
        Directory.SetLastWriteTimeUtc(Path.Combine(output, nested), AnHourAgo);
        Retitle(site, "Second, revised twice");
        await BuildCleanlyAsync(site);
        Retitle(site, "Second, revised thrice");

        var forced = await site.BuildAsync(o => o with { Incremental = false });

        var diagnostic = DiagnosticAssert.Single(forced.Diagnostics, DiagnosticCodes.OutputUnsafe, output, 0, 0);
        Assert.Contains($"('{nested}/notes.txt')", diagnostic.Message, StringComparison.Ordinal);
    }
}
