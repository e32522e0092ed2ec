using Scriban;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Scriban's builtins, made as templates first read them, are the ones Scriban's default gives.</summary>
public sealed class ScribanBuiltinsTests
{
    private const string OneArticle = OutputSafetyTests.OneArticle;

    /// <summary>Every builtin object, read through a pipe or a call, once each.</summary>
    private const string EveryBuiltin = """{{ "a-b" | string.upcase }}|{{ [3, 1, 2] | array.sort | array.first }}|{{ -2 | math.abs }}|{{ "<b>x</b>" | html.strip }}|{{ "a.b" | regex.escape }}|{{ object.typeof 1 }}|{{ (timespan.from_days 2).days }}|{{ date.parse "2020-01-02" | date.to_string "%Y" }}|{{ empty.x == empty }}|{{ blank == empty }}""";

    [Fact]
    public void The_names_are_those_of_Scribans_default_builtin_object()
    {
        Assert.Equal([.. new TemplateContext().BuiltinObject.Keys], ScribanBuiltins.Names);
    }

    [Fact]
    public async Task A_theme_reading_every_builtin_renders_what_Scribans_default_renders()
    {
        var expected = Template.Parse(EveryBuiltin).Render(new TemplateContext());
        using var site = TempSite.Create(OneArticle + "\n-- templates/article.html --\n<p id=\"b\">" + EveryBuiltin + "</p>\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("A-B|1|2|x|a\\.b|number|2|2020|false|true", expected);
        Assert.Contains("<p id=\"b\">" + expected + "</p>", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }
}
