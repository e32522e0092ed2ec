using System.Globalization;
using StaticNews.Building;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// A culture's calendar texts, copied out of it once, write every date as the culture itself does, so builds that take them
/// from the build cache (and load nothing from ICU) give the same site.
/// </summary>
public sealed class CalendarTextsTests
{
    /// <summary>Formats beyond the ones the copy is checked with when taken.</summary>
    private static readonly string[] Formats =
    [
        "D", "f", "F", "g", "G", "M", "t", "T", "Y", "d MMMM yyyy", "dd MMM yy", "dddd d MMMM", "ddd, MMM d", "MMMM", "d MMMM, h tt", "H:mm", "'Le' d MMMM",
    ];

    public static TheoryData<string> CommonCultures => ["en", "en-GB", "en-US", "fr-FR", "de-DE", "pl-PL", "ru-RU", "uk-UA", "es-ES", "pt-BR", "it-IT", "tr-TR", "ar-EG", "hi-IN", "ja-JP", "zh-CN", "ko-KR", "el-GR", "cs-CZ"];

    [Fact]
    public void Taken_texts_write_dates_as_their_culture_does_in_nearly_every_Gregorian_culture()
    {
        var (gregorian, taken) = (0, 0);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
        {
            if (culture.DateTimeFormat.Calendar is not GregorianCalendar { CalendarType: GregorianCalendarTypes.Localized })
            {
                continue;
            }

            gregorian++;
            if (CalendarTexts.Take(culture) is not { } texts)
            {
                continue;
            }

            taken++;
            for (var day = 0; day < 366; day += 11)
            {
                var date = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)).AddDays(day).AddMinutes(day * 37);
                foreach (var format in Formats)
                {
                    Assert.Equal(date.ToString(format, culture), date.ToString(format, texts.FormatInfo));
                }
            }
        }

        Assert.True(gregorian > 100, $"only {gregorian} cultures with the Gregorian calendar");
        Assert.True(taken >= gregorian * 0.95, $"texts taken from {taken} of {gregorian} cultures with the Gregorian calendar");
    }

    [Theory]
    [MemberData(nameof(CommonCultures))]
    public void The_texts_of_common_languages_are_taken(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        var texts = CalendarTexts.Take(culture);

        Assert.NotNull(texts);
        Assert.Equal(name, texts.CultureName);
        Assert.True(texts.FormatsAs(culture));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public void Cultures_of_another_calendar_are_left_to_the_culture(string name)
    {
        Assert.Null(CalendarTexts.Take(CultureInfo.GetCultureInfo(name)));
    }

    [Fact]
    public void A_format_naming_the_era_goes_to_the_culture_whose_era_names_the_texts_cannot_carry()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var config = ConfigFor(culture, CalendarTexts.Take(culture));
        var date = new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero);

        Assert.NotEqual(date.ToString("d MMMM yyyy gg", culture), date.ToString("d MMMM yyyy gg", config.KeptCalendar!.FormatInfo));
        Assert.Equal(date.ToString("d MMMM yyyy gg", culture), SiteDates.Format(date, "d MMMM yyyy gg", config));
        Assert.Equal("9 March 2026", SiteDates.Format(date, "d MMMM yyyy", config));
    }

    [Fact]
    public void Site_dates_are_written_with_the_kept_texts_when_there_are_some()
    {
        // Polish texts kept for an English site: only the texts can have written the Polish months.
        var config = ConfigFor(CultureInfo.GetCultureInfo("en"), CalendarTexts.Take(CultureInfo.GetCultureInfo("pl-PL")));
        var date = new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero);

        Assert.Equal("9 marca 2026", SiteDates.Format(date, "d MMMM yyyy", config));
        Assert.Equal("marzec 2026", SiteDates.MonthOfYear(2026, 3, config));
        Assert.Equal("marzec", SiteDates.MonthName(3, config));
        Assert.Equal("9 March 2026", SiteDates.Format(date, "d MMMM yyyy", config with { KeptCalendar = null }));
        Assert.Equal("March", SiteDates.MonthName(3, config with { KeptCalendar = null }));
    }

    [Fact]
    public void Kept_texts_are_read_back_only_under_the_same_identity_and_culture_and_undamaged()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var culture = CultureInfo.GetCultureInfo("pl-PL");
        CalendarCache.Save(Path.Combine(folder.Path, CalendarCache.FileName), "executable 1234", CalendarTexts.Take(culture)!);

        var read = CalendarCache.Load(folder.Path, "executable 1234", "pl-PL");

        Assert.NotNull(read);
        Assert.True(read.FormatsAs(culture));
        Assert.Null(CalendarCache.Load(folder.Path, "executable 5678", "pl-PL"));
        Assert.Null(CalendarCache.Load(folder.Path, "executable 1234", "pl"));
        var path = Path.Combine(folder.Path, CalendarCache.FileName);
        var bytes = File.ReadAllBytes(path);
        var march = bytes.AsSpan().IndexOf("marca"u8);
        Assert.True(march > 0);
        bytes[march] = (byte)'M';
        File.WriteAllBytes(path, bytes);
        Assert.Null(CalendarCache.Load(folder.Path, "executable 1234", "pl-PL"));
    }

    private static SiteConfig ConfigFor(CultureInfo culture, CalendarTexts? kept) => new()
    {
        Title = "Test",
        BaseUrl = "/",
        BasePath = "/",
        Language = culture.Name,
        Culture = culture,
        TimeZone = TimeZoneInfo.Utc,
        ShortName = "T",
        KeptCalendar = kept,
    };
}
