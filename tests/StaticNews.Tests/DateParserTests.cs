using StaticNews.Text;

namespace StaticNews.Tests;

public sealed class DateParserTests
{
    private static readonly TimeZoneInfo Karachi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("yyyy-MM-dd", "dddd-dd-dd")]
    [InlineData("yyyy-MM-dd HH:mm", "dddd-dd-dd dd:dd")]
    [InlineData("yyyy-MM-ddTHH:mm:ss", "dddd-dd-ddTdd:dd:dd")]
    public void The_common_shapes_read_exactly_as_their_format_defines_them(string format, string shape)
    {
        // Dates of the most common shapes are read digit by digit; what they mean is still the format's definition.
        var random = new Random(19);
        var digitsForPart = new[] { "0", "1", "2", "3", "9" };
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(shape.Select(c => c == 'd' ? (random.Next(3) == 0 ? digitsForPart[random.Next(digitsForPart.Length)] : random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture)) : c.ToString()));
            var expected = DateTime.TryParseExact(text, format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
                && local >= DateTime.MinValue.AddDays(2) && local <= DateTime.MaxValue.AddDays(-2);

            var parsed = DateParser.TryParse(text, London, out var date);

            Assert.True(expected == parsed, $"{text}: expected {expected}, parsed {parsed}");
            if (expected)
            {
                Assert.Equal(DateParser.InZone(local, London), date);
            }
        }
    }

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
