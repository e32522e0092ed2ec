using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// Values that try to make the build write outside its output folder: each one, in each place a writer can type it, is a
/// diagnostic, and the folders around the site are left exactly as they were.
/// </summary>
public sealed class HostileValueTests
{
    /// <summary>YAML double-quoted texts (so "\0" is a real NUL).</summary>
    private static readonly string[] Values =
    [
        "..", "../../escaped", "/tmp/staticnews-escaped", "C:\\\\Windows", "a\\0b", "CON", "nul.txt", "a\\\\b", "aux", new('a', 300),
    ];

    private const string ValidArticle = "title: A\ndate: 2024-01-01\nauthor: jane-doe\n";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var place in new[] { "slug", "permalink", "category slug", "category path", "author id", "also-read", "youtube", "figure src" })
        {
            foreach (var value in Values)
            {
                data.Add(place, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_is_a_diagnostic_and_nothing_is_written_anywhere(string place, string value)
    {
        var (files, code, path) = place switch
        {
            "slug" => ($"-- articles/a.md --\n---\n{ValidArticle}category: world\nslug: \"{value}\"\n---\n", DiagnosticCodes.SlugInvalid, "articles/a.md"),
            "permalink" => (Article("world") + $"-- site.yml --\ntitle: T\npermalink: \"/{value}/:slug/\"\n", DiagnosticCodes.PermalinkInvalid, "site.yml"),
            "category slug" => (Article("world") + $"-- categories.yml --\n- name: World\n  slug: world\n- name: Evil\n  slug: \"{value}\"\n", DiagnosticCodes.SlugInvalid, "categories.yml"),
            "category path" => (Article($"\"{value}\""), DiagnosticCodes.CategoryUnknown, "articles/a.md"),
            "author id" => ($"-- articles/a.md --\n---\ntitle: A\ndate: 2024-01-01\ncategory: world\nauthors: [\"{value}\"]\n---\n", DiagnosticCodes.AuthorUnknown, "articles/a.md"),
            "also-read" => (Article("world", $"{{{{< also-read \"{Unescaped(value)}\" >}}}}"), DiagnosticCodes.AlsoReadUnknown, "articles/a.md"),
            "youtube" => (Article("world", $"{{{{< youtube \"{Unescaped(value)}\" >}}}}"), DiagnosticCodes.ShortcodeArgument, "articles/a.md"),
            "figure src" => (Article("world", $"{{{{< figure src=\"{Unescaped(value)}\" alt=\"x\" >}}}}"), null, "articles/a.md"),
            _ => throw new ArgumentOutOfRangeException(nameof(place)),
        };
        if (value.Contains("\\0", StringComparison.Ordinal) && place is "also-read" or "youtube" or "figure src")
        {
            // Outside YAML there are no escapes: the file itself holds a NUL and is refused whole.
            code = DiagnosticCodes.FileHasNul;
        }

        using var site = TempSite.Create(files);
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        if (code is not null)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == code.Code && d.Location.Path == path);
            Assert.False(result.Succeeded);
            Assert.Equal(before, FolderState.Of(site.Parent));
        }
        else
        {
            // A figure's src is a URL printed into HTML, never a file path: whatever it is, either it is refused or the
            // output folder is the only thing that changed, and the URL is escaped in the page.
            Assert.Equal(before, FolderState.Of(site.Parent, site.DefaultOutput, site.DefaultCache));
            if (result.Succeeded)
            {
                Assert.DoesNotContain("\0", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
            }
        }

        Assert.False(File.Exists("/tmp/staticnews-escaped") || Directory.Exists("/tmp/staticnews-escaped"));
        Assert.False(Directory.Exists(Path.Combine(site.Parent, "escaped")));
    }

    public static TheoryData<string, string> HostileFileNames => new()
    {
        { "articles/CON.md", "SN0206" },
        { "articles/nul.md", "SN0206" },
        { "authors/aux.md", "SN0206" },
        { "authors/..evil.md", "none: hidden files are skipped" },
        { "static/CON", "SN0602" },
        { "static/nul.txt", "SN0602" },
        { "static/a:b.png", "SN0602" },
        { "static/trailing.", "SN0602" },
        { "static/" + string.Join('/', Enumerable.Repeat(new string('a', 200), 6)) + ".png", "SN0602" },
        { "templates/assets/com1.css", "SN0602" },
    };

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task A_file_name_that_cannot_be_an_output_path_is_a_diagnostic(string fileName, string expected)
    {
        using var site = TempSite.Create(Article("world"));
        site.Write(fileName, fileName.Split('/')[0] switch
        {
            "articles" => $"---\n{ValidArticle}category: world\n---\n",
            "authors" => "---\nname: Someone\n---\n",
            _ => "x",
        });
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        if (expected.StartsWith("SN", StringComparison.Ordinal))
        {
            Assert.Contains(result.Diagnostics, d => d.Code == expected);
            Assert.Contains((await site.CheckAsync()).Diagnostics, d => d.Code == expected);
            Assert.Equal(before, FolderState.Of(site.Parent));
        }
        else
        {
            DiagnosticAssert.NoErrors(result.Diagnostics);
            Assert.Equal(before, FolderState.Of(site.Parent, site.DefaultOutput, site.DefaultCache));
        }
    }

    [Fact]
    public async Task A_file_name_that_cannot_be_an_output_path_is_a_diagnostic_in_a_rebuild_too()
    {
        using var site = TempSite.Create(Article("world"));
        DiagnosticAssert.NoErrors((await site.BuildAsync()).Diagnostics);
        site.Write("static/a:b.png", "x");
        var before = FolderState.Of(site.Parent);

        var result = await site.BuildAsync();

        // The rebuild checks every path again once one is new, not only those the last build wrote.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputPathUnsafe.Code && d.Location.Path == "a:b.png");
        Assert.Equal(before, FolderState.Of(site.Parent));
    }

    private static string Article(string category, string body = "Body.") =>
        $"-- articles/a.md --\n---\n{ValidArticle}category: {category}\n---\n{body}\n";

    /// <summary>The value as a shortcode argument: no YAML escapes there.</summary>
    private static string Unescaped(string yamlValue) => yamlValue.Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\0", "\0", StringComparison.Ordinal);
}
