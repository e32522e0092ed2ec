using System.Globalization;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>Dates printed by templates are made once per build and instant, and read the same as made on each call.</summary>
public sealed class DateTextsTests
{
    private static readonly SiteConfig Config = new()
    {
        Title = "T",
        BaseUrl = "/",
        BasePath = "/",
        Language = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Muscat"),
        ShortName = "T",
    };

    [Fact]
    public void Equal_instants_written_with_different_offsets_read_the_same_in_the_site_zone()
    {
        var texts = new DateTexts(Config);
        var utc = new DateTimeOffset(2026, 11, 24, 22, 30, 0, TimeSpan.Zero);
        var paris = utc.ToOffset(TimeSpan.FromHours(1));

        Assert.Equal("2026-11-25T02:30:00+04:00", texts.Iso(utc));
        Assert.Equal("2026-11-25T02:30:00+04:00", texts.Iso(paris));
        Assert.Equal("25 novembre 2026", texts.Format(paris, "d MMMM yyyy"));
        Assert.Equal("02:30", texts.Format(utc, "HH:mm"));
        Assert.Equal(TemplateFunctions.FormatDate(utc, "d MMMM yyyy", Config), texts.Format(utc, "d MMMM yyyy"));
    }

    [Fact]
    public void Past_the_kept_number_dates_still_read_right_and_values_that_are_not_dates_read_as_on_each_call()
    {
        var texts = new DateTexts(Config, maxEntries: 1);
        var dates = Enumerable.Range(1, 5).Select(day => new DateTimeOffset(2026, 3, day, 12, 0, 0, TimeSpan.Zero)).ToList();

        foreach (var date in dates.Concat(dates))
        {
            Assert.Equal(TemplateFunctions.IsoDate(date, Config), texts.Iso(date));
            Assert.Equal(TemplateFunctions.FormatDate(date, "dddd d MMMM", Config), texts.Format(date, "dddd d MMMM"));
        }

        Assert.Equal(string.Empty, texts.Iso("not a date"));
        Assert.Equal(TemplateFunctions.IsoDate(new DateTime(2026, 3, 1, 12, 0, 0), Config), texts.Iso(new DateTime(2026, 3, 1, 12, 0, 0)));
    }
}
