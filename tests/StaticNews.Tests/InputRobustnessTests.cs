using System.Diagnostics;
using System.Text;
using StaticNews.Diagnostics;
using StaticNews.Parsing;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// What a writer in a hurry can type, or an editor can save: each case gives a clear diagnostic (or simply works) and never
/// crashes or hangs. The time bound is loose on purpose: it catches hangs, not slowness on a busy machine.
/// </summary>
public sealed class InputRobustnessTests
{
    private const string Article = "articles/a.md";
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);

    private static async Task<(BuildResult Result, TempSite Site)> CheckAsync(byte[] article, bool build = false)
    {
        var site = TempSite.Create(string.Empty);
        site.WriteBytes(Article, article);
        var clock = Stopwatch.StartNew();
        var result = build ? await site.BuildAsync() : await site.CheckAsync();
        Assert.True(clock.Elapsed < HangBound, $"took {clock.Elapsed}, more than the hang bound {HangBound}");
        return (result, site);
    }

    private static async Task<IReadOnlyList<Diagnostic>> DiagnosticsOf(string article)
    {
        var (result, site) = await CheckAsync(Encoding.UTF8.GetBytes(article));
        site.Dispose();
        return result.Diagnostics;
    }

    private static string Valid(string extraFields = "", string body = "Body.") =>
        $"---\ntitle: A\ndate: 2024-01-01\nauthor: jane-doe\ncategory: world\n{extraFields}---\n{body}\n";

    [Fact]
    public async Task An_empty_file_has_no_front_matter() =>
        DiagnosticAssert.Single(await DiagnosticsOf(string.Empty), DiagnosticCodes.FrontMatterMissing, Article, 1, 1);

    [Fact]
    public async Task A_file_of_front_matter_only_is_an_article_with_an_empty_body()
    {
        var (result, site) = await CheckAsync(Encoding.UTF8.GetBytes("---\ntitle: A\ndate: 2024-01-01\nauthor: jane-doe\ncategory: world\n---"), build: true);
        using var _ = site;

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("<h1", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_opening_fence_is_unclosed_front_matter() =>
        DiagnosticAssert.Single(await DiagnosticsOf("---\n"), DiagnosticCodes.FrontMatterUnclosed, Article, 1, 1);

    [Fact]
    public async Task Front_matter_without_its_closing_fence_is_reported_at_the_opening_fence() =>
        DiagnosticAssert.Single(await DiagnosticsOf("---\ntitle: A\ndate: 2024-01-01\n\nThe body starts here.\n"), DiagnosticCodes.FrontMatterUnclosed, Article, 1, 1);

    [Fact]
    public async Task A_tab_in_yaml_indentation_is_a_syntax_error_that_says_so()
    {
        var diagnostic = DiagnosticAssert.Single(await DiagnosticsOf("---\ntitle: A\ntags:\n\t- one\n---\n"), DiagnosticCodes.YamlSyntax, Article, 4, 1);

        Assert.Contains("tab", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_duplicate_key_is_reported_at_the_second_one()
    {
        var diagnostic = DiagnosticAssert.Single(await DiagnosticsOf("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n"), DiagnosticCodes.YamlDuplicateKey, Article, 4, 1);

        Assert.Contains("'title'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_billion_laughs_alias_bomb_is_refused_quickly()
    {
        var yaml = new StringBuilder("x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"x{i}: &x{i} [").AppendJoin(", ", Enumerable.Repeat($"*x{i - 1}", 10)).Append("]\n");
        }

        var diagnostics = await DiagnosticsOf(Valid(yaml.ToString()));

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.YamlTooComplex, Article, 2, 1);
    }

    [Fact]
    public async Task A_50_megabyte_article_is_refused_as_too_large()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid(body: new string('a', 50 * 1024 * 1024)));

        var (result, site) = await CheckAsync(bytes);
        site.Dispose();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileTooLarge, Article, 0, 0);
        Assert.Contains("16777216", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_that_cannot_be_opened_is_reported_and_the_others_are_still_read()
    {
        using var site = TempSite.Create(string.Empty);
        site.Write(Article, Valid());
        File.CreateSymbolicLink(Path.Combine(site.Root, "articles", "gone.md"), Path.Combine(site.Root, "no-such-file.md"));

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileUnreadable, "articles/gone.md", 0, 0);
        Assert.Contains("gone.md", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(result.Model!.Site.Articles, a => a.SourcePath == Article);
    }

    [Fact]
    public async Task A_line_of_one_megabyte_builds()
    {
        var (result, site) = await CheckAsync(Encoding.UTF8.GetBytes(Valid(body: string.Concat(Enumerable.Repeat("word ", 200_000)))), build: true);
        using var _ = site;

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(new FileInfo(Path.Combine(site.DefaultOutput, "a", "index.html")).Length > 1_000_000);
    }

    [Fact]
    public async Task Ten_thousand_nested_lists_on_one_line_are_refused() =>
        DiagnosticAssert.Single(await DiagnosticsOf(Valid(body: string.Concat(Enumerable.Repeat("- ", 10_000)) + "item")), DiagnosticCodes.MarkdownTooDeep, Article, 7, 1);

    [Fact]
    public async Task Lists_nested_by_indentation_are_refused_at_the_first_line_too_deep()
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item\n"));

        // Line 7 is the body's first line; each line is one level deeper.
        DiagnosticAssert.Single(await DiagnosticsOf(Valid(body: body)), DiagnosticCodes.MarkdownTooDeep, Article, 7 + MarkdownNesting.MaxDepth, 1);
    }

    [Fact]
    public async Task Deep_indentation_inside_fenced_code_is_just_code() =>
        DiagnosticAssert.NoErrors(await DiagnosticsOf(Valid(body: "```\n" + new string(' ', 400) + "- deep\n```\n")));

    [Fact]
    public async Task Quotes_and_lists_nested_in_each_other_ten_thousand_times_are_refused() =>
        DiagnosticAssert.Single(await DiagnosticsOf(Valid(body: string.Concat(Enumerable.Repeat("> - ", 5_000)) + "item")), DiagnosticCodes.MarkdownTooDeep, Article, 7, 1);

    [Fact]
    public async Task Ten_thousand_nested_quotes_are_refused()
    {
        var diagnostics = await DiagnosticsOf(Valid(body: new string('>', 10_000) + " deep"));

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.MarkdownTooDeep, Article, 7, 1);
    }

    [Fact]
    public async Task Ten_thousand_nested_emphasis_markers_are_refused() =>
        Assert.Contains(await DiagnosticsOf(Valid(body: new string('*', 10_000) + "a" + new string('*', 10_000))), d => d.Code == DiagnosticCodes.MarkdownTooDeep.Code && d.Location.Line == 7);

    [Fact]
    public async Task Inlines_nested_past_the_limit_are_refused_at_the_first_paragraph_that_nests_them()
    {
        // Eighty images in each other: within Markdig's own limit, past ours; only the parsed tree shows it.
        var nested = string.Concat(Enumerable.Repeat("![", 80)) + "x" + string.Concat(Enumerable.Repeat("](https://photos.example.net/y.png)", 80));
        var body = "Delegations met.\n\n" + nested + "\n\nThen " + nested + "\n";

        var refused = Assert.Single(await DiagnosticsOf(Valid(body: body)), d => d.Code == DiagnosticCodes.MarkdownTooDeep.Code);
        Assert.Equal(9, refused.Location.Line);
        DiagnosticAssert.NoErrors(await DiagnosticsOf(Valid(body: string.Concat(Enumerable.Repeat("![", 60)) + "x" + string.Concat(Enumerable.Repeat("](https://photos.example.net/y.png)", 60)))));
    }

    [Fact]
    public async Task A_thousand_images_nested_in_each_other_are_refused()
    {
        // Found by ArticleFuzzTests with the nesting guard switched off: Markdig threw while parsing the links.
        var body = "Delegati" + string.Concat(Enumerable.Repeat("![", 1_000)) + "ons met" + string.Concat(Enumerable.Repeat("](x)", 1_000));

        Assert.Contains(await DiagnosticsOf(Valid(body: body)), d => d.Code == DiagnosticCodes.MarkdownTooDeep.Code && d.Location.Line == 7);
    }

    [Fact]
    public async Task Invalid_utf8_names_the_offset_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid()).Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var (result, site) = await CheckAsync(bytes);
        site.Dispose();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileNotUtf8, Article, 0, 0);
        Assert.Contains($"offset {bytes.Length - 2}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_with_a_bom_asks_for_utf8()
    {
        var (result, site) = await CheckAsync(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid())).ToArray());
        site.Dispose();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileIsUtf16, Article, 0, 0);
    }

    [Fact]
    public async Task A_utf8_bom_is_ignored()
    {
        var (result, site) = await CheckAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid())]);
        using var _ = site;

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal("A", Assert.Single(result.Model!.Site.Articles).Title);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Crlf_and_lone_cr_line_endings_work_and_keep_line_numbers(string newline)
    {
        var good = Valid().Replace("\n", newline, StringComparison.Ordinal);
        var bad = "---\ntitle: A\nauthor: jane-doe\ndate: 2024-02-30\n---\n".Replace("\n", newline, StringComparison.Ordinal);

        DiagnosticAssert.NoErrors(await DiagnosticsOf(good));
        DiagnosticAssert.Single(await DiagnosticsOf(bad), DiagnosticCodes.DateInvalid, Article, 4, 7);
    }

    [Fact]
    public async Task A_nul_byte_is_refused()
    {
        var (result, site) = await CheckAsync(Encoding.UTF8.GetBytes(Valid(body: "a\0b")));
        site.Dispose();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileHasNul, Article, 0, 0);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("24/03/2024")]
    [InlineData("2024-13-01")]
    [InlineData("30 February 2024")]
    public async Task An_impossible_or_foreign_date_says_how_to_write_one(string date)
    {
        var diagnostic = DiagnosticAssert.Single(await DiagnosticsOf($"---\ntitle: A\ndate: {date}\nauthor: jane-doe\ncategory: world\n---\n"), DiagnosticCodes.DateInvalid, Article, 3, 7);

        Assert.Contains("YYYY-MM-DD", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_that_is_a_number_is_an_unknown_category() =>
        DiagnosticAssert.Single(await DiagnosticsOf("---\ntitle: A\ndate: 2024-01-01\nauthor: jane-doe\ncategory: 42\n---\n"), DiagnosticCodes.CategoryUnknown, Article, 5, 11);

    [Fact]
    public async Task An_author_list_that_is_a_map_is_the_wrong_type() =>
        DiagnosticAssert.Single(await DiagnosticsOf("---\ntitle: A\ndate: 2024-01-01\ncategory: world\nauthors:\n  jane: doe\n---\n"), DiagnosticCodes.FieldWrongType, Article, 6, 3);

    [Fact]
    public async Task A_title_of_100000_characters_builds_and_is_printed_whole()
    {
        var title = string.Concat(Enumerable.Repeat("Long title ", 10_000)).Trim();
        var (result, site) = await CheckAsync(Encoding.UTF8.GetBytes($"---\ntitle: {title}\ndate: 2024-01-01\nauthor: jane-doe\ncategory: world\n---\nBody.\n"), build: true);
        using var _ = site;

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains(title, site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }
}
