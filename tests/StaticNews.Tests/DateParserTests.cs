using StaticNews.Text;

namespace StaticNews.Tests;

public sealed class DateParserTests
{
    private static readonly TimeZoneInfo Karachi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void A_day_alone_is_midnight_in_the_site_zone()
    {
        Assert.True(DateParser.TryParse("2024-03-19", Karachi, out var date));

        Assert.Equal(new DateTimeOffset(2024, 3, 19, 0, 0, 0, TimeSpan.FromHours(5)), date);
    }

    [Fact]
    public void A_time_without_offset_takes_the_zone_offset_of_that_day()
    {
        Assert.True(DateParser.TryParse("2024-07-01 09:30", London, out var summer));
        Assert.True(DateParser.TryParse("2024-01-15 09:30", London, out var winter));

        Assert.Equal(TimeSpan.FromHours(1), summer.Offset);
        Assert.Equal(TimeSpan.Zero, winter.Offset);
    }

    [Theory]
    [InlineData("2024-03-19T10:00:00+02:00", 2)]
    [InlineData("2024-03-19 10:00 -04:00", -4)]
    [InlineData("2024-03-19T10:00:00Z", 0)]
    public void An_explicit_offset_wins_over_the_site_zone(string text, int hours)
    {
        Assert.True(DateParser.TryParse(text, Karachi, out var date));

        Assert.Equal(TimeSpan.FromHours(hours), date.Offset);
        Assert.Equal(10, date.Hour);
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_moves_forward()
    {
        Assert.True(DateParser.TryParse("2024-03-31 01:30", London, out var date));

        Assert.Equal(new DateTimeOffset(2024, 3, 31, 2, 30, 0, TimeSpan.FromHours(1)), date);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("24/03/2024")]
    [InlineData("March 5")]
    [InlineData("")]
    [InlineData("2024-13-01")]
    public void Impossible_or_ambiguous_dates_are_refused(string text)
    {
        Assert.False(DateParser.TryParse(text, Karachi, out _));
    }

    [Theory]
    [InlineData("9999-12-31 23:00", "America/New_York")]
    [InlineData("0001-01-01", "Asia/Karachi")]
    public void A_local_time_with_no_instant_in_range_is_refused_not_thrown(string text, string zone)
    {
        // Found by PropertyTests: DateTimeOffset threw ArgumentOutOfRangeException.
        Assert.False(DateParser.TryParse(text, TimeZoneInfo.FindSystemTimeZoneById(zone), out _));
    }
}
