using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using StaticNews.Discovery;
using StaticNews.Rendering;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Scriban's builtins, made as templates first read them, are the ones Scriban's default gives.</summary>
public sealed class ScribanBuiltinsTests
{
    private const string OneArticle = OutputSafetyTests.OneArticle;

    /// <summary>Every builtin object, read through a pipe or a call, once each.</summary>
    private const string EveryBuiltin = """{{ "a-b" | string.upcase }}|{{ [3, 1, 2] | array.sort | array.first }}|{{ -2 | math.abs }}|{{ "<b>x</b>" | html.strip }}|{{ "a.b" | regex.escape }}|{{ object.typeof 1 }}|{{ (timespan.from_days 2).days }}|{{ date.parse "2020-01-02" | date.to_string "%Y" }}|{{ empty.x == empty }}|{{ blank == empty }}""";

    private static readonly TemplateClock AnyClock = TemplateClock.At(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

    [Fact]
    public void The_names_are_those_of_Scribans_default_builtin_object()
    {
        Assert.Equal([.. new TemplateContext().BuiltinObject.Keys], ScribanBuiltins.Names);
    }

    [Fact]
    public void Each_function_made_alone_is_the_one_the_whole_object_holds()
    {
        var defaults = new TemplateContext().BuiltinObject;
        var differences = new List<string>();
        foreach (var (name, (functions, setByConstructor)) in ScribanBuiltins.StaticFunctionClasses)
        {
            var whole = (ScriptObject)defaults[name]!;
            Assert.IsType(functions, whole);
            foreach (var member in whole.Keys.Except(setByConstructor))
            {
                var subset = new ScribanFunctionSubset(functions, new HashSet<string> { member }, new Lazy<ScriptObject>(() => throw new InvalidOperationException($"{name}.{member} was not made alone")));

                var made = subset[member];

                if (whole[member]?.GetType() != made?.GetType() || (whole[member] as DynamicCustomFunction)?.Method != (made as DynamicCustomFunction)?.Method
                    || whole.CanWrite(member) != subset.CanWrite(member))
                {
                    differences.Add($"{name}.{member}");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void A_function_its_class_sets_itself_is_taken_from_the_whole_object()
    {
        var builtins = new ScribanBuiltins();
        builtins.Prepare([Analyse("{{ 'a\\b' | string.escape }}")]);
        var whole = (ScriptObject)new TemplateContext().BuiltinObject["string"]!;

        var strings = Assert.IsType<ScribanFunctionSubset>(builtins.CreateBuiltinObject(AnyClock)["string"]);

        Assert.Empty(strings.Keys);
        Assert.Equal(whole["escape"]!.GetType(), strings["escape"]!.GetType());
    }

    [Fact]
    public void Functions_called_by_name_are_made_alone_and_an_object_read_whole_is_made_whole()
    {
        var builtins = new ScribanBuiltins();
        builtins.Prepare([Analyse("{{ 'A' | string.downcase }}{{ x | string.starts_with 'a' }}{{ string.downcase 'B' }}{{ for f in array }}{{ end }}{{ math.abs -1 }}{{ date.now }}")]);
        var builtin = builtins.CreateBuiltinObject(AnyClock);

        var strings = Assert.IsType<ScribanFunctionSubset>(builtin["string"]);
        Assert.Equal(["downcase", "starts_with"], strings.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<ArrayFunctions>(builtin["array"]);
        Assert.Equal(["abs"], Assert.IsType<ScribanFunctionSubset>(builtin["math"]).Keys);
        Assert.IsType<DateTimeFunctions>(builtin["date"]);
        Assert.IsType<HtmlFunctions>(builtin["html"]);
    }

    [Fact]
    public void A_function_the_analysis_did_not_foresee_is_taken_from_the_whole_object()
    {
        var builtins = new ScribanBuiltins();
        builtins.Prepare([Analyse("{{ 'A' | string.downcase }}")]);

        var rendered = Template.Parse("{{ 'a' | string.upcase }}{{ 'B' | string.downcase }}{{ string.contains 'abc' 'b' }}").Render(new TemplateContext(builtins.CreateBuiltinObject(AnyClock)));

        Assert.Equal("Abtrue", rendered);
    }

    [Fact]
    public void Date_now_and_utc_now_give_the_time_of_the_build_not_the_machine_clock()
    {
        var builtins = new ScribanBuiltins();
        builtins.Prepare([Analyse("{{ date.now }}")]);
        var clock = TemplateClock.At(new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi"));

        var rendered = Template.Parse("{{ date.now | date.to_string '%F %H:%M' }} {{ date.utc_now | date.to_string '%F %H:%M' }} {{ date.now.year }}")
            .Render(new TemplateContext(builtins.CreateBuiltinObject(clock)));

        Assert.Equal("2030-01-02 08:04 2030-01-02 03:04 2030", rendered);
    }

    private static PartialFacts Analyse(string template) => PartialAnalyzer.Analyse(Template.Parse(template).Page!);

    /// <summary>
    /// The first function object a build makes costs it Scriban's table of every builtin function, built by reflection: 4 ms of
    /// a core in the native executable, a twelfth of a one-article edit at 100 articles. The default theme reads none.
    /// </summary>
    [Fact]
    public void The_default_theme_reads_no_builtin_function_object()
    {
        var reads = new List<string>();
        foreach (var (name, read) in EmbeddedTheme.Files().Where(f => f.Name.EndsWith(".html", StringComparison.Ordinal)))
        {
            var template = Template.Parse(System.Text.Encoding.UTF8.GetString(read().Span), name);
            Assert.False(template.HasErrors, name);
            reads.AddRange(PartialAnalyzer.Analyse(template.Page!).ReadPaths
                .Where(p => ScribanBuiltins.StaticFunctionClasses.ContainsKey(p.Root) || p.Root is "date")
                .Select(p => $"{name}: {p.Path}"));
        }

        Assert.Empty(reads);
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
