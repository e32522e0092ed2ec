using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>One test per mistake a writer can make in an article: the code, file, line and column of each diagnostic.</summary>
public sealed class ArticleDiagnosticsTests
{
    private static async Task<IReadOnlyList<Diagnostic>> DiagnosticsOf(string files)
    {
        using var site = TempSite.Create(files);
        var result = await site.CheckAsync();
        return result.Diagnostics;
    }

    [Fact]
    public async Task Malformed_yaml_points_at_the_bad_line()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: [2024-01-01
            ---
            Body
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.YamlSyntax.Code);
        Assert.Equal("articles/a.md", diagnostic.Location.Path);
        Assert.InRange(diagnostic.Location.Line, 4, 5);
    }

    [Fact]
    public async Task A_missing_title_is_reported_at_the_start_of_the_front_matter()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            date: 2024-01-01
            authors: [jane-doe]
            category: world
            ---
            Body
            """);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.FieldRequired, "articles/a.md", 2, 1);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_points_at_its_value()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            authors: [jane-doe]
            category: world
            tags:
              first: one
            ---
            Body
            """);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.FieldWrongType, "articles/a.md", 7, 3);
    }

    [Fact]
    public async Task An_unknown_author_names_the_valid_ones()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            authors: [jane-doe, john-roe]
            category: world
            ---
            Body
            """);

        var diagnostic = DiagnosticAssert.Single(diagnostics, DiagnosticCodes.AuthorUnknown, "articles/a.md", 4, 21);
        Assert.Contains("john-roe", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("jane-doe", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_category_names_the_valid_paths()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world/sport
            ---
            Body
            """);

        var diagnostic = DiagnosticAssert.Single(diagnostics, DiagnosticCodes.CategoryUnknown, "articles/a.md", 5, 11);
        Assert.Contains("world/diplomacy", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_articles_with_one_slug_are_both_reported()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            slug: same
            ---
            -- articles/b.md --
            ---
            title: B
            date: 2024-01-02
            author: jane-doe
            category: world
            slug: same
            ---
            """);

        var duplicates = diagnostics.Where(d => d.Code == DiagnosticCodes.SlugDuplicate.Code).ToList();
        Assert.Equal(["articles/a.md", "articles/b.md"], duplicates.Select(d => d.Location.Path));
        Assert.All(duplicates, d => Assert.Equal((6, 7), (d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public async Task An_unclosed_front_matter_block_is_reported_at_its_opening_fence()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            Body without a closing fence
            """);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.FrontMatterUnclosed, "articles/a.md", 1, 1);
    }

    [Fact]
    public async Task A_file_without_front_matter_is_reported()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            Just a body.
            """);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.FrontMatterMissing, "articles/a.md", 1, 1);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("24/03/2024")]
    public async Task A_date_that_does_not_parse_points_at_its_value(string date)
    {
        var diagnostics = await DiagnosticsOf($"""
            -- articles/a.md --
            ---
            title: A
            date: {date}
            author: jane-doe
            category: world
            ---
            Body
            """);

        var diagnostic = DiagnosticAssert.Single(diagnostics, DiagnosticCodes.DateInvalid, "articles/a.md", 3, 7);
        Assert.Contains(date, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_reported_with_the_bad_byte()
    {
        using var site = TempSite.Create(string.Empty);
        site.WriteBytes("articles/a.md", [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8]);

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FileNotUtf8, "articles/a.md", 0, 0);
        Assert.Contains("offset 14", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_are_reported()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/a.md --
            ---
            title: A
            title: B
            date: 2024-01-01
            ---
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.YamlDuplicateKey.Code);
        Assert.Equal("articles/a.md", diagnostic.Location.Path);
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public async Task Every_mistake_of_a_build_is_reported_together_sorted_by_file_and_line()
    {
        var diagnostics = await DiagnosticsOf("""
            -- articles/b.md --
            ---
            date: someday
            ---
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: nobody
            category: world
            ---
            """);

        var errors = diagnostics.Where(d => d.IsError).Select(d => (d.Location.Path, d.Location.Line, d.Code)).ToList();
        Assert.Equal(
            [("articles/a.md", 4, "SN0301"), ("articles/b.md", 2, "SN0201"), ("articles/b.md", 2, "SN0204")],
            errors);
    }
}
