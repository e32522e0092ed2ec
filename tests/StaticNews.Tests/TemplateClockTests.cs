using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A theme may print the time of the build (<c>date.now</c>, a footer's year). It gets the build's clock, in the site's time
/// zone, and the pages that show it are built again at every build, so an incremental build made later gives what a cold
/// build made then gives; a theme that only formats the articles' own dates leaves an unchanged site up to date.
/// </summary>
public sealed class TemplateClockTests
{
    private const string AlphaArticle = """
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        """;

    private const string Site = "-- articles/a.md --\n" + AlphaArticle + "\n" + """
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Beta body.
        """;

    private static readonly DateTimeOffset LastEvening = new(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYear = new(2027, 1, 1, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_template_reading_the_time_gets_the_build_clock_in_the_site_time_zone()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"local\">{{ date.now | date.to_string '%F %H:%M' }}</p><p class=\"utc\">{{ date.utc_now | date.to_string '%F %H:%M' }}</p>\n");

        // Europe/London, the test site's zone, is an hour ahead of UTC in summer.
        var result = await site.BuildAsync(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero)) });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var page = site.ReadOutput("tag/arts/index.html");
        Assert.Contains("<p class=\"local\">2026-07-01 13:30</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"utc\">2026-07-01 12:30</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_footer_showing_the_year_turns_with_the_year_though_no_file_changed()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/partials/footer.html", "<footer>&copy; {{ date.now.year }} Test Gazette</footer>\n");
        await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) });
        Assert.Contains("&copy; 2026 Test Gazette", site.ReadOutput("a/index.html"), StringComparison.Ordinal);

        var again = await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) });
        Assert.True(again.UpToDate);

        var nextYear = await site.BuildAsync(o => o with { Clock = new FixedClock(NewYear) });

        Assert.False(nextYear.UpToDate);
        Assert.Contains("&copy; 2027 Test Gazette", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        Assert.Contains("&copy; 2027 Test Gazette", site.ReadOutput("index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { Clock = new FixedClock(NewYear) });
    }

    [Fact]
    public async Task A_body_edit_renders_the_pages_showing_the_time_at_the_new_time()
    {
        // A body-only edit keeps the fingerprints of the pages that show no changed body: not of those showing the time.
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"now\">{{ date.now | date.to_string '%F %H:%M' }}</p>\n");
        await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) });
        site.Write("articles/a.md", AlphaArticle.Replace("Alpha body.", "Alpha body, corrected.", StringComparison.Ordinal));

        var edited = await site.BuildAsync(o => o with { Clock = new FixedClock(NewYear) });

        DiagnosticAssert.NoErrors(edited.Diagnostics);
        Assert.Contains("<p class=\"now\">2027-01-01 00:30</p>", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { Clock = new FixedClock(NewYear) });
    }

    /// <summary>Ways a template reads the time other than <c>date.now</c> by name.</summary>
    [Theory]
    [InlineData("{{ date.utc_now.year }}")]
    [InlineData("{{ clock = date; clock.now.year }}")]
    [InlineData("{{ object.eval 'date.now.year' }}")]
    [InlineData("{{ object.eval_template '{{ date.now.year }}' }}")]
    [InlineData("{{ include 'partials/year.html' }}")]
    public async Task A_page_reading_the_time_another_way_shows_the_time_of_its_build(string read)
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"year\">" + read + "</p>\n");
        site.Write("templates/partials/year.html", "{{ date.now.year }}");
        await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) });
        Assert.Contains("<p class=\"year\">2026</p>", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);

        var result = await site.BuildAsync(o => o with { Clock = new FixedClock(NewYear) });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("<p class=\"year\">2027</p>", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site, o => o with { Clock = new FixedClock(NewYear) });
    }

    [Fact]
    public async Task Templates_formatting_only_the_articles_dates_leave_an_unchanged_site_up_to_date_as_time_passes()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "{{ for card in page.articles }}<p>{{ card.date | date.add_days 1 | date.to_string '%F' }}</p>{{ end }}\n");
        DiagnosticAssert.NoErrors((await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) })).Diagnostics);
        Assert.Contains("<p>2026-03-03</p>", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        var before = WriteTimes(site.DefaultOutput);

        var later = await site.BuildAsync(o => o with { Clock = new FixedClock(NewYear) });

        Assert.True(later.UpToDate);
        Assert.Equal(before, WriteTimes(site.DefaultOutput));
    }

    [Fact]
    public async Task Only_the_kinds_of_page_showing_the_time_are_built_again()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<p class=\"now\">{{ date.now | date.to_string '%F %H:%M' }}</p>\n");
        await site.BuildAsync(o => o with { Clock = new FixedClock(LastEvening) });
        var before = WriteTimes(site.DefaultOutput);

        var later = await site.BuildAsync(o => o with { Clock = new FixedClock(NewYear) });

        DiagnosticAssert.NoErrors(later.Diagnostics);
        var written = Rewritten(before, WriteTimes(site.DefaultOutput));
        Assert.Equal(["tag/arts/index.html", "tag/talks/index.html"], written.Select(path => path.Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(2, later.PagesRendered);
    }
}
