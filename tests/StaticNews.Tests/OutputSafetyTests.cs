using StaticNews.Diagnostics;
using StaticNews.Output;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The output guarantees: a build that does not finish leaves the previous output exactly as it was, and nothing outside the output folder is ever written or deleted.</summary>
public sealed class OutputSafetyTests
{
    internal const string OneArticle = """
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-03-19
        author: jane-doe
        category: world/diplomacy
        ---
        Delegations met again.
        -- static/images/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """;

    private static async Task<(TempSite Site, IReadOnlyList<string> Before)> BuiltSiteAsync()
    {
        var site = TempSite.Create(OneArticle);
        var first = await site.BuildAsync();
        DiagnosticAssert.NoErrors(first.Diagnostics);
        site.Write("articles/second.md", "---\ntitle: Second\ndate: 2026-03-20\nauthor: jane-doe\ncategory: culture\n---\nMore.\n");
        return (site, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task A_build_with_errors_leaves_everything_byte_identical_and_no_staging_folder()
    {
        var (site, before) = await BuiltSiteAsync();
        using var _ = site;
        site.Write("articles/broken.md", "---\ntitle: Broken\n---\n");
        var withBroken = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(withBroken, FolderState.Of(site.Parent));
        Assert.NotEqual(before, withBroken);
        Assert.False(Directory.Exists(new OutputFolder(site.DefaultOutput).StagingPath));
    }

    [Fact]
    public async Task A_template_error_on_a_page_rendered_after_others_were_staged_leaves_the_previous_output()
    {
        // More pages to render again than are rendered before the output opens (EarlyPages): they stream into staging.
        var (site, _) = await BuiltSiteAsync();
        using var _ = site;
        for (var i = 0; i <= EarlyPages.Most; i++)
        {
            site.Write($"articles/more-{i:D3}.md", $"---\ntitle: More {i}\ndate: 2026-02-01\nauthor: jane-doe\ncategory: culture\n---\nText {i}.\n");
        }

        Assert.True((await site.BuildAsync()).Succeeded);
        var (written, withBroken) = await BuildWithBrokenArticleTemplateAsync(site, "{{ if page.article.slug == 'talks' }}{{ page.title | no_such_function }}{{ end }}{{ page.title }}");

        Assert.True(written > 0, "pages rendered before the failing one were streamed into staging");
        Assert.Equal(withBroken, FolderState.Of(site.Parent));
        Assert.False(Directory.Exists(new OutputFolder(site.DefaultOutput).StagingPath));
    }

    [Fact]
    public async Task A_template_error_on_one_of_a_few_pages_to_render_again_is_found_before_anything_is_written()
    {
        var (site, _) = await BuiltSiteAsync();
        using var _ = site;
        var (written, withBroken) = await BuildWithBrokenArticleTemplateAsync(site, "{{ page.title | no_such_function }}");

        Assert.Equal(0, written);
        Assert.Equal(withBroken, FolderState.Of(site.Parent));
        Assert.False(Directory.Exists(new OutputFolder(site.DefaultOutput).StagingPath));
    }

    [Fact]
    public async Task A_first_build_that_fails_while_rendering_leaves_no_output_and_no_cache_folder()
    {
        using var site = TempSite.Create(OneArticle + "\n-- templates/article.html --\n{{ page.title | no_such_function }}\n");
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime.Code);
        Assert.Equal(before, FolderState.Of(site.Parent));
        Assert.False(Directory.Exists(site.DefaultCache), "the article caches written before rendering are removed with the folder they needed");
    }

    [Fact]
    public async Task A_build_keeps_no_copy_of_its_files_in_memory_and_writes_every_one()
    {
        using var site = TempSite.Create(OneArticle);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Empty(result.Files);
        var marker = File.ReadAllLines(Path.Combine(site.DefaultOutput, OutputFolder.MarkerFileName));
        var listed = marker.SkipWhile(l => l != OutputFolder.ManifestHeading).Skip(1).ToList();
        Assert.Equal(result.FilesWritten, listed.Count);
        Assert.All(listed, path => Assert.True(site.OutputExists(path), path));
        Assert.Contains("talks/index.html", listed);
    }

    [Fact]
    public async Task An_exception_in_the_middle_of_writing_leaves_the_previous_output_and_removes_staging()
    {
        var (site, before) = await BuiltSiteAsync();
        using var _ = site;
        var written = 0;

        var thrown = await Assert.ThrowsAsync<IOException>(() => site.BuildAsync(o => o with
        {
            BeforeFileWrite = (_, _) => Interlocked.Increment(ref written) > 5 ? throw new IOException("disk full (injected)") : ValueTask.CompletedTask,
        }));

        Assert.Contains("injected", thrown.Message, StringComparison.Ordinal);
        Assert.True(written > 5, "the failure must happen after some files were written");
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task Cancelling_in_the_middle_of_writing_leaves_the_previous_output_and_removes_staging()
    {
        var (site, before) = await BuiltSiteAsync();
        using var _ = site;
        using var cancellation = new CancellationTokenSource();
        var written = 0;
        var options = site.Options(o => o with
        {
            BeforeFileWrite = (_, _) =>
            {
                if (Interlocked.Increment(ref written) == 5)
                {
                    cancellation.Cancel();
                }

                return ValueTask.CompletedTask;
            },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiteGenerator.BuildAsync(options, cancellation.Token));

        Assert.True(written >= 5);
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task A_staging_folder_left_by_a_killed_build_is_removed_by_the_next_build()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        var staging = new OutputFolder(site.DefaultOutput).StagingPath;
        Directory.CreateDirectory(Path.Combine(staging, "half"));
        File.WriteAllText(Path.Combine(staging, OutputFolder.MarkerFileName), OutputFolder.MarkerText);
        File.WriteAllText(Path.Combine(staging, "half", "index.html"), "<p>half a page");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.False(Directory.Exists(staging));
        Assert.True(site.OutputExists("second/index.html"));
    }

    [Fact]
    public async Task An_output_moved_aside_by_a_build_killed_during_the_swap_is_put_back_and_replaced()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        var output = new OutputFolder(site.DefaultOutput);
        Directory.Move(output.Path, output.OldPath);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.False(Directory.Exists(output.OldPath));
        Assert.True(site.OutputExists("talks/index.html"));
        Assert.True(site.OutputExists("second/index.html"));
    }

    [Fact]
    public async Task A_build_with_errors_still_puts_back_an_output_moved_aside_by_a_killed_build_before_it_returns()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        var output = new OutputFolder(site.DefaultOutput);
        Directory.Move(output.Path, output.OldPath);
        site.Write("articles/broken.md", "---\ntitle: Broken\n---\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(output.OldPath));
        Assert.True(site.OutputExists("talks/index.html"));
        Assert.False(site.OutputExists("second/index.html"));
    }

    [Fact]
    public async Task An_incremental_build_that_fails_while_applying_its_changes_is_completed_by_the_next_run()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        site.Delete("articles/talks.md");
        var output = new OutputFolder(site.DefaultOutput);

        // Fails after every file was deleted or moved, before the marker is replaced: the output holds files its marker does not list.
        var thrown = await Assert.ThrowsAsync<IOException>(() => site.BuildAsync(o => o with
        {
            BeforeFileApply = path => _ = path == OutputFolder.MarkerFileName ? throw new IOException("power cut (injected)") : 0,
        }));

        Assert.Contains("injected", thrown.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output.StagingPath, OutputPatch.JournalFileName)), "the journal stays until the patch is complete");
        Assert.Contains("second/index.html", OutputFolder.ForeignFiles(output.Path));
        var result = await site.BuildAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.False(Directory.Exists(output.StagingPath));
        Assert.False(Directory.Exists(Path.Combine(output.Path, "talks")));
        var cold = Path.Combine(site.Parent, "cold");
        await site.BuildAsync(o => o with { OutputPath = cold, Incremental = false });
        Assert.Equal(FolderState.Of(cold), FolderState.Of(output.Path));
    }

    [Fact]
    public async Task A_survey_of_the_output_names_the_files_its_marker_does_not_list_and_the_listed_ones_that_are_gone()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        await site.BuildAsync();
        var output = new OutputFolder(site.DefaultOutput);
        Assert.Empty(OutputFolder.Survey(output.Path)!.Foreign);
        Assert.Empty(OutputFolder.Survey(output.Path)!.Missing);
        File.Delete(Path.Combine(output.Path, "second", "index.html"));
        File.WriteAllText(Path.Combine(output.Path, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(output.Path, "second", "drafts"));
        File.WriteAllText(Path.Combine(output.Path, "second", "drafts", "b.txt"), "mine too");

        var survey = OutputFolder.Survey(output.Path)!;

        Assert.Equal(["notes.txt", "second/drafts/b.txt"], survey.Foreign);
        Assert.Equal(["second/index.html"], survey.Missing.Order(StringComparer.Ordinal));
        Assert.Equal(survey.Foreign, OutputFolder.ForeignFiles(output.Path));
        Assert.Null(OutputFolder.Survey(site.Parent));
    }

    [Fact]
    public async Task The_journal_alone_is_enough_to_complete_an_interrupted_patch()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        var output = new OutputFolder(site.DefaultOutput);
        await Assert.ThrowsAsync<IOException>(() => site.BuildAsync(o => o with { BeforeFileApply = _ => throw new IOException("injected") }));
        Assert.True(File.Exists(Path.Combine(output.StagingPath, OutputPatch.JournalFileName)));

        // The journal alone tells what is left to do: the output gets the second article and a marker that lists it.
        OutputWriter.RemoveLeftoverStaging(output);

        Assert.False(Directory.Exists(output.StagingPath));
        Assert.True(site.OutputExists("second/index.html"));
        Assert.Contains("second/index.html", OutputFolder.ListedFiles(output.Path)!);
        Assert.Empty(OutputFolder.ForeignFiles(output.Path));
    }

    [Fact]
    public async Task The_marker_lists_every_file_the_build_wrote()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;

        var marker = site.ReadOutput(OutputFolder.MarkerFileName);

        Assert.StartsWith(OutputFolder.MarkerText + OutputFolder.ManifestHeading + "\n", marker, StringComparison.Ordinal);
        var listed = marker.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var onDisk = Directory.EnumerateFiles(site.DefaultOutput, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.DefaultOutput, f).Replace('\\', '/'))
            .Where(f => f != OutputFolder.MarkerFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, listed);
        Assert.Contains("images/logo.svg", listed);
    }

    [Fact]
    public async Task A_file_someone_added_to_the_output_is_never_deleted_the_build_is_refused()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        Directory.CreateDirectory(Path.Combine(site.DefaultOutput, ".git"));
        File.WriteAllText(Path.Combine(site.DefaultOutput, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.OutputUnsafe, site.DefaultOutput, 0, 0);
        Assert.Contains("holds files StaticNews did not write ('.git/HEAD')", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task Links_someone_put_in_the_output_are_foreign_files_and_what_they_point_to_is_never_touched()
    {
        var (site, _) = await BuiltSiteAsync();
        using var __ = site;
        var elsewhere = Path.Combine(site.Parent, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "keep.txt"), "not StaticNews's");
        File.CreateSymbolicLink(Path.Combine(site.DefaultOutput, "talks", "linked.txt"), Path.Combine(elsewhere, "keep.txt"));
        Directory.CreateSymbolicLink(Path.Combine(site.DefaultOutput, "mirror"), elsewhere);
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.OutputUnsafe, site.DefaultOutput, 0, 0);
        Assert.Contains("('mirror', 'talks/linked.txt')", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    public static TheoryData<string, string> RefusedOutputs => new()
    {
        { ".", "it is the site folder itself" },
        { "..", "it contains the site folder" },
        { "static/out", "inside the site's 'static' folder" },
        { "articles/out", "inside the site's 'articles' folder" },
        { "templates/out", "inside the site's 'templates' folder" },
        { "authors", "inside the site's 'authors' folder" },
        { "../someone-elses", "it is not empty and was not written by StaticNews (no .staticnews-output file)" },
    };

    [Theory]
    [MemberData(nameof(RefusedOutputs))]
    public async Task An_unsafe_output_folder_is_refused_with_a_reason_and_nothing_is_touched(string output, string reason)
    {
        using var site = TempSite.Create(OneArticle + "\n-- templates/partials/extra.html --\n<p>x</p>\n");
        var someoneElses = Path.Combine(site.Parent, "someone-elses");
        Directory.CreateDirectory(someoneElses);
        File.WriteAllText(Path.Combine(someoneElses, "thesis.docx"), "years of work");
        var outputPath = Path.GetFullPath(Path.Combine(site.Root, output));
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync(o => o with { OutputPath = outputPath });

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputUnsafe.Code);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task A_refused_output_folder_and_a_template_mistake_are_reported_together()
    {
        using var site = TempSite.Create(OneArticle + "\n-- templates/article.html --\n{{ if page.title }}unclosed\n");
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync(o => o with { OutputPath = site.Root });

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputUnsafe.Code);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax.Code && d.Location.Path == "templates/article.html");
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    [Fact]
    public async Task A_static_file_in_the_way_of_a_page_folder_is_a_diagnostic_not_a_half_written_output()
    {
        var (site, before) = await BuiltSiteAsync();
        using var _ = site;
        site.Write("static/second", "a file where the page folder 'second/' must go");
        var withStatic = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.OutputPathConflict, "second", 0, 0);
        DiagnosticAssert.Single((await site.CheckAsync()).Diagnostics, DiagnosticCodes.OutputPathConflict, "second", 0, 0);
        Assert.Equal(withStatic, FolderState.Of(site.Parent));
        Assert.NotEqual(before, withStatic);
    }

    /// <summary>
    /// Replaces the article template with <paramref name="template"/>, which fails, and builds: how many files the build
    /// wrote into staging before it failed (asserted to fail with a template error), and the folder's state before the build.
    /// </summary>
    private static async Task<(int Written, IReadOnlyList<string> Before)> BuildWithBrokenArticleTemplateAsync(TempSite site, string template)
    {
        var written = 0;
        site.Write("templates/article.html", template);
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync(o => o with
        {
            BeforeFileWrite = (_, _) =>
            {
                Interlocked.Increment(ref written);
                return ValueTask.CompletedTask;
            },
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime.Code);
        return (written, before);
    }
}
