using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Escaping and trust: script URLs from front matter are refused, printed values are escaped in text and attributes, and raw HTML can be switched off.</summary>
public sealed class TrustTests
{
    private const string Article = "-- articles/a.md --\n---\ntitle: A\ndate: 2024-01-01\nauthor: jane-doe\ncategory: world\n";

    public static TheoryData<string, string, string, int, int> ScriptUrlFields => new()
    {
        // place, files, reported file, line, column
        { "article image", Article + "image: javascript:alert(1)\n---\n", "articles/a.md", 6, 8 },
        { "author website", Article + "---\n-- authors/jane-doe.md --\n---\nname: Jane\nwebsite: javascript:alert(1)\n---\n", "authors/jane-doe.md", 3, 10 },
        { "author avatar", Article + "---\n-- authors/jane-doe.md --\n---\nname: Jane\navatar: \"JaVaScRiPt:alert(1)\"\n---\n", "authors/jane-doe.md", 3, 9 },
        { "author social url", Article + "---\n-- authors/jane-doe.md --\n---\nname: Jane\nsocial:\n  - name: X\n    url: javascript:alert(1)\n---\n", "authors/jane-doe.md", 5, 10 },
        { "site logo", Article + "---\n-- site.yml --\ntitle: T\nlogo: javascript:alert(1)\n", "site.yml", 2, 7 },
        { "site social url", Article + "---\n-- site.yml --\ntitle: T\nsocial:\n  - name: X\n    url: \"data:text/html,<script>alert(1)</script>\"\n", "site.yml", 4, 10 },
        { "article image with a tab", Article + "image: \"java\\tscript:alert(1)\"\n---\n", "articles/a.md", 6, 8 },
        { "protocol-relative image", Article + "image: //evil.example/x.png\n---\n", "articles/a.md", 6, 8 },
    };

    [Theory]
    [MemberData(nameof(ScriptUrlFields))]
    public async Task A_script_url_in_a_front_matter_url_field_is_refused(string place, string files, string path, int line, int column)
    {
        using var site = TempSite.Create(files);

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UrlInvalid, path, line, column);
        Assert.False(result.Succeeded, place);
        Assert.Contains("use an absolute http(s) URL or a site path", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_printed_in_text_and_attributes_are_escaped()
    {
        const string attack = "\"><script>alert(1)</script>";
        using var site = TempSite.Create($"-- articles/a.md --\n---\ntitle: '{attack}'\nsummary: '{attack}'\ndate: 2024-01-01\nauthor: jane-doe\ncategory: world\n---\nBody.\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var page = site.ReadOutput("a/index.html");
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">", page, StringComparison.Ordinal);
        Assert.Matches("<h1[^>]*>&quot;&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;</h1>", page);
    }

    private const string RawHtmlArticle = """
        -- articles/a.md --
        ---
        title: A
        date: 2024-01-01
        author: jane-doe
        category: world
        ---
        Intro with <b onclick="steal()">bold</b> text.

        <div class="box">
        <script>alert(1)</script>
        </div>

        A [bad link](javascript:alert(2)) and a [good one](https://example.org/) and [a ref](ref:a).
        """;

    [Fact]
    public async Task Raw_html_in_markdown_is_passed_through_by_default()
    {
        using var site = TempSite.Create(RawHtmlArticle);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.RawHtmlEscaped.Code);
        Assert.Contains("<script>alert(1)</script>", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_raw_html_off_html_is_escaped_and_each_occurrence_is_a_warning_at_its_place()
    {
        using var site = TempSite.Create(RawHtmlArticle);
        site.Write("site.yml", "title: T\nbase_url: https://example.org/\nmarkdown_raw_html: false\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.RawHtmlEscaped.Code).Select(d => (d.Location.Line, d.Location.Column)).ToList();
        Assert.Equal([(7, 12), (7, 37), (9, 1)], warnings);
        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UnsafeLinkRemoved, "articles/a.md", 13, 3);
        var page = site.ReadOutput("a/index.html");
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=\"steal", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=&quot;steal()&quot;&gt;bold&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/\">good one</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/a/\">a ref</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_raw_html_off_an_authors_bio_is_escaped_too()
    {
        using var site = TempSite.Create(RawHtmlArticle + "\n-- authors/jane-doe.md --\n---\nname: Jane\n---\nJane <iframe src=\"https://evil.example\"></iframe>\n");
        site.Write("site.yml", "title: T\nmarkdown_raw_html: false\n");

        var result = await site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RawHtmlEscaped.Code && d.Location == new SourceLocation("authors/jane-doe.md", 4, 6));
        Assert.DoesNotContain("<iframe", site.ReadOutput("author/jane-doe/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_raw_html_must_be_true_or_false() =>
        Assert.Contains((await SiteWithSetting("markdown_raw_html: sometimes")).Diagnostics, d => d.Code == DiagnosticCodes.FieldWrongType.Code && d.Location.Path == "site.yml");

    private static async Task<BuildResult> SiteWithSetting(string setting)
    {
        using var site = TempSite.Create(RawHtmlArticle);
        site.Write("site.yml", "title: T\n" + setting + "\n");
        return await site.CheckAsync();
    }
}
