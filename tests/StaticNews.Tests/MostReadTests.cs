using StaticNews.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>"Most Popular" from an analytics export in data/, through SiteGenerator (the build's clock is 2026-11-29 12:00 UTC).</summary>
public sealed class MostReadTests
{
    private const string Articles = """
        -- articles/envoy.md --
        ---
        title: Envoy arrives
        date: 2026-11-01
        author: jane-doe
        category: world/diplomacy
        ---
        Text.
        -- articles/port.md --
        ---
        title: Port opens
        date: 2026-11-02
        author: jane-doe
        category: world/trade
        ---
        Text.
        -- articles/museum.md --
        ---
        title: Museum reopens
        date: 2026-11-03
        author: jane-doe
        category: culture
        ---
        Text.
        """;

    [Fact]
    public async Task Page_views_are_summed_per_article_most_read_first()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews
            /envoy/,10
            https://example.org/port/?utm_source=x,30
            /museum/index.html,25
            /envoy/,40
            /,900
            /category/world/,80
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["envoy", "port", "museum"], result.Model!.Site.Popular.Select(a => a.Slug));
    }

    [Fact]
    public async Task Column_names_file_and_window_come_from_site_yml_and_old_rows_are_left_out()
    {
        using var site = TempSite.Create(Articles + """

            -- data/export.csv --
            day,page,views
            2026-11-28,/envoy/,5
            2026-11-27,/port/,9
            2026-11-20,/envoy/,100
            2026-11-29,/museum/,7
            """);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + """
            analytics:
              file: export.csv
              path_column: page
              views_column: views
              date_column: day
              window_days: 3

            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(["port", "museum", "envoy"], result.Model!.Site.Popular.Select(a => a.Slug));
    }

    [Fact]
    public async Task An_unknown_key_under_analytics_is_a_warning_at_the_key()
    {
        using var site = TempSite.Create(Articles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + """
            analytics:
              file: export.csv
              views_colum: views

            """);

        var result = await site.CheckAsync();

        var warning = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UnknownSetting, "site.yml", 10, 16);
        Assert.Contains("analytics.views_colum", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_row_is_a_warning_with_its_line_and_is_skipped()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews
            /envoy/,10
            /port/,lots
            /museum/,"7
            """);

        var result = await site.CheckAsync();

        var views = DiagnosticAssert.Single(result.Diagnostics.Where(d => d.Location.Line == 3), DiagnosticCodes.AnalyticsRowMalformed, "data/analytics.csv", 3, 1);
        Assert.Contains("'lots' is not a number", views.Message, StringComparison.Ordinal);
        DiagnosticAssert.Single(result.Diagnostics.Where(d => d.Location.Line == 4), DiagnosticCodes.AnalyticsRowMalformed, "data/analytics.csv", 4, 1);
        Assert.True(result.Succeeded);
        Assert.Equal(["envoy"], result.Model!.Site.Popular.Select(a => a.Slug));
    }

    [Fact]
    public async Task A_row_with_the_wrong_number_of_fields_is_a_warning()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews
            /envoy/,10,extra
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.AnalyticsRowMalformed, "data/analytics.csv", 2, 1);
    }

    [Fact]
    public async Task A_path_that_matches_no_article_is_a_warning_with_its_line()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews
            /envoy/,10
            /gone-story/,50
            """);

        var result = await site.CheckAsync();

        var warning = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.AnalyticsPathUnknown, "data/analytics.csv", 3, 1);
        Assert.Contains("/gone-story/", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_is_an_error_naming_the_header()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            url,hits
            /envoy/,10
            """);

        var result = await site.CheckAsync();

        var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.AnalyticsColumnMissing, "data/analytics.csv", 1, 1);
        Assert.Contains("url, hits", error.Message, StringComparison.Ordinal);
        Assert.Contains("path_column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_analytics_file_popular_yml_is_used()
    {
        using var site = TempSite.Create(Articles + """

            -- data/popular.yml --
            - museum
            - envoy
            """);

        var result = await site.CheckAsync();

        Assert.Equal(["museum", "envoy"], result.Model!.Site.Popular.Select(a => a.Slug));
    }

    [Fact]
    public async Task When_no_analytics_row_falls_in_the_window_popular_yml_is_used()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews,date
            /envoy/,10,2026-10-01
            -- data/popular.yml --
            - port
            """);

        var result = await site.CheckAsync();

        Assert.Equal(["port"], result.Model!.Site.Popular.Select(a => a.Slug));
    }

    [Fact]
    public async Task The_sample_newsroom_reads_its_analytics_export_on_any_day()
    {
        var sample = new SampleSiteBuild();
        await sample.InitializeAsync();
        try
        {
            var popular = sample.Result.Model!.Site.Popular.Select(a => a.Slug).ToList();
            Assert.Equal("trade-talks-enter-final-round-on-textiles-and-dates", popular[0]);
            Assert.Equal(3, popular.IndexOf("port-of-saltmere-opens-new-container-terminal"));
            Assert.DoesNotContain(sample.Result.Diagnostics, d => d.Code.StartsWith("SN10", StringComparison.Ordinal));
            var economy = File.ReadAllText(Path.Combine(sample.Output, "category", "economy", "index.html"));
            Assert.Contains("Most read in Economy", economy, StringComparison.Ordinal);

            // The export has no date column, so the list a reader sees does not age out of the window as the sample gets older.
            var yearLater = await SiteGenerator.CheckAsync(new BuildOptions
            {
                SourcePath = Path.Combine(TestSites.RepositoryRoot, "site"),
                Clock = new FixedClock(FixedClock.DefaultNow.AddYears(1)),
            });
            Assert.Equal(popular, yearLater.Model!.Site.Popular.Select(a => a.Slug));
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_category_page_shows_the_most_read_of_its_own_articles()
    {
        using var site = TempSite.Create(Articles + """

            -- data/analytics.csv --
            path,pageviews
            /museum/,90
            /envoy/,10
            /port/,30
            """);

        var result = await site.BuildAsync();

        var world = result.Model!.Pages.Single(p => p.Url == "/category/world/");
        Assert.Equal(["port", "envoy"], world.MostRead.Select(a => a.Slug));
        var html = site.ReadOutput("category/world/index.html");
        Assert.Contains("Most read in World", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Museum reopens", html, StringComparison.Ordinal);
        Assert.Contains("Museum reopens", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analytics.csv", "path,pageviews\n/museum/,90\n/envoy/,10\n/port/,30\n")]
    [InlineData("popular.yml", "- museum\n- port\n- envoy\n")]
    public async Task The_site_holds_popular_count_most_read_and_category_pages_rank_from_all_of_them(string file, string content)
    {
        using var site = TempSite.Create(Articles + $"\n-- data/{file} --\n{content}");
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "popular_count: 1\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal(["museum"], result.Model!.Site.Popular.Select(a => a.Slug));
        var world = result.Model.Pages.Single(p => p.Url == "/category/world/");
        Assert.Equal(["port", "envoy"], world.MostRead.Select(a => a.Slug));
    }

    [Fact]
    public async Task The_site_holds_ten_most_read_unless_site_yml_says_otherwise()
    {
        var articles = string.Concat(Enumerable.Range(1, 12).Select(i => $"-- articles/story-{i:00}.md --\n---\ntitle: Story {i}\ndate: 2026-11-{i:00}\nauthor: jane-doe\ncategory: culture\n---\nText.\n"));
        var views = string.Concat(Enumerable.Range(1, 12).Select(i => $"/story-{i:00}/,{i * 10}\n"));
        using var site = TempSite.Create(articles + "-- data/analytics.csv --\npath,pageviews\n" + views);

        var result = await site.CheckAsync();

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"story-{i:00}"), result.Model!.Site.Popular.Select(a => a.Slug));
    }
}
