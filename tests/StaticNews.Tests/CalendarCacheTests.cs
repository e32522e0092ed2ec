using System.Globalization;
using StaticNews.Building;
using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// Where the culture data is identified (the natively compiled tool with ICU in it), the build cache keeps the site's language's
/// calendar texts and later builds write their dates with them; anywhere else, or under another identity, the culture's own.
/// </summary>
public sealed class CalendarCacheTests
{
    private const string Identity = "executable 0123abcd";

    private const string PolishSite = """
        -- site.yml --
        title: Gazeta Testowa
        base_url: https://example.org/
        language: pl-PL
        time_zone: Europe/Warsaw
        short_name: GT
        date_format: d MMMM yyyy
        -- articles/a.md --
        ---
        title: Rozmowy w porcie
        date: 2026-03-09 09:00
        author: jane-doe
        category: world/diplomacy
        location: Gdańsk
        ---
        Delegacje spotkały się ponownie.
        -- articles/b.md --
        ---
        title: Festiwal na starówce
        date: 2026-05-03 09:00
        author: jane-doe
        category: culture
        location: Kraków
        ---
        Muzycy grali do północy.
        """;

    private static Func<BuildOptions, BuildOptions> WithIdentity(string identity) => o => o with { CultureDataIdentity = identity };

    private static async Task<TempSite> AgedSiteBuiltOnceAsync(string? identity = Identity)
    {
        var site = TempSite.Create(PolishSite);
        site.AgeFiles(TimeSpan.FromHours(1));
        var first = await site.BuildAsync(identity is null ? null : WithIdentity(identity));
        Assert.True(first.Succeeded);
        Assert.False(first.CalendarReused);
        return site;
    }

    /// <summary>Adds <paramref name="sentence"/> after the body of article a.</summary>
    private static void EditBody(TempSite site, string sentence) => site.EditAged("articles/a.md", "Delegacje spotkały się ponownie.", "Delegacje spotkały się ponownie. " + sentence);

    [Fact]
    public async Task A_build_keeps_the_calendar_texts_and_the_next_one_writes_its_dates_with_them_as_a_cold_build_would()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        Assert.True(File.Exists(Path.Combine(site.DefaultCache, CalendarCache.FileName)));
        EditBody(site, "Rozmowy potrwają do środy.");

        var result = await site.BuildAsync(WithIdentity(Identity));

        Assert.True(result.Succeeded);
        Assert.True(result.CalendarReused);
        var page = site.ReadOutput("a/index.html");
        Assert.Contains("do środy", page, StringComparison.Ordinal);
        Assert.Contains("Gdańsk, 9 marca 2026 (GT):", page, StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task The_dates_of_a_build_come_from_the_kept_texts()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        // English texts kept under the site's language: only they can write an English month into the Polish site.
        CalendarCache.Save(Path.Combine(site.DefaultCache, CalendarCache.FileName), Identity, TextsNamed("pl-PL", CultureInfo.GetCultureInfo("en-GB")));
        EditBody(site, "Rozmowy potrwają do środy.");

        var result = await site.BuildAsync(WithIdentity(Identity));

        Assert.True(result.CalendarReused);
        Assert.Contains("Gdańsk, 9 March 2026 (GT):", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_kept_under_another_identity_are_taken_again_from_the_culture()
    {
        using var site = await AgedSiteBuiltOnceAsync("executable 99999999");
        EditBody(site, "Rozmowy potrwają do środy.");

        var other = await site.BuildAsync(WithIdentity(Identity));
        EditBody(site, "Wynik poznamy w czwartek.");
        var next = await site.BuildAsync(WithIdentity(Identity));

        Assert.False(other.CalendarReused);
        Assert.True(next.CalendarReused);
        Assert.NotNull(CalendarCache.Load(site.DefaultCache, Identity, "pl-PL"));
        Assert.Contains("Gdańsk, 9 marca 2026 (GT):", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_that_changes_its_language_takes_the_new_languages_texts()
    {
        using var site = await AgedSiteBuiltOnceAsync();
        site.EditAged("site.yml", "language: pl-PL", "language: fr-FR");

        var changed = await site.BuildAsync(WithIdentity(Identity));
        EditBody(site, "Rozmowy potrwają do środy.");
        var next = await site.BuildAsync(WithIdentity(Identity));

        Assert.False(changed.CalendarReused);
        Assert.True(next.CalendarReused);
        Assert.Null(CalendarCache.Load(site.DefaultCache, Identity, "pl-PL"));
        Assert.Contains("Gdańsk, 9 mars 2026 (GT):", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task A_language_of_another_calendar_keeps_nothing_and_writes_its_dates_as_ever()
    {
        using var site = TempSite.Create(PolishSite.Replace("language: pl-PL", "language: th-TH", StringComparison.Ordinal));
        site.AgeFiles(TimeSpan.FromHours(1));

        var first = await site.BuildAsync(WithIdentity(Identity));
        EditBody(site, "Rozmowy potrwają do środy.");
        var next = await site.BuildAsync(WithIdentity(Identity));

        Assert.True(first.Succeeded && next.Succeeded);
        Assert.False(next.CalendarReused);
        Assert.False(File.Exists(Path.Combine(site.DefaultCache, CalendarCache.FileName)));
        // The Thai Buddhist calendar's year, 543 years ahead of the Gregorian one.
        Assert.Contains("2569", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task Without_an_identity_nothing_is_kept_and_kept_texts_are_not_used()
    {
        using var site = await AgedSiteBuiltOnceAsync(identity: null);
        Assert.False(File.Exists(Path.Combine(site.DefaultCache, CalendarCache.FileName)));
        CalendarCache.Save(Path.Combine(site.DefaultCache, CalendarCache.FileName), Identity, TextsNamed("pl-PL", CultureInfo.GetCultureInfo("en-GB")));
        EditBody(site, "Rozmowy potrwają do środy.");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.False(result.CalendarReused);
        Assert.Contains("Gdańsk, 9 marca 2026 (GT):", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_build_keeps_no_calendar()
    {
        using var site = TempSite.Create(PolishSite + """

            -- articles/c.md --
            ---
            title: Bez daty
            ---
            Brak daty.
            """);

        var result = await site.BuildAsync(WithIdentity(Identity));

        Assert.False(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(site.DefaultCache, CalendarCache.FileName)));
    }

    /// <summary>The texts of <paramref name="culture"/> under the name of another culture, through their own encoding.</summary>
    private static CalendarTexts TextsNamed(string name, CultureInfo culture)
    {
        var texts = Encoded(writer => CalendarTexts.Take(culture)!.Write(writer));
        var reader = new CacheReader(texts);
        _ = reader.ReadString();
        var renamed = new CacheReader([.. Encoded(writer => writer.Write(name)), .. texts[reader.Position..]]);
        return CalendarTexts.Read(ref renamed)!;
    }

    private static byte[] Encoded(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
