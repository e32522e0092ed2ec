using System.Globalization;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>
/// Dates in the site's language: through the calendar texts the build cache kept for it (<see cref="SiteConfig.KeptCalendar"/>),
/// which load nothing from ICU, or else through the culture itself. A format naming the era (<c>g</c>, whose names a
/// format of one's own cannot carry) always goes to the culture.
/// </summary>
internal static class SiteDates
{
    /// <summary><paramref name="local"/> (already in the site's zone) written with <paramref name="format"/>.</summary>
    public static string Format(DateTimeOffset local, string format, SiteConfig config) =>
        local.ToString(format, config.KeptCalendar is { } kept && !NamesEra(format) ? kept.FormatInfo : config.Culture);

    /// <summary>The first of <paramref name="month"/> in <paramref name="year"/> as "MMMM yyyy".</summary>
    public static string MonthOfYear(int year, int month, SiteConfig config) =>
        new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", FormatInfoOf(config));

    /// <summary>The name of <paramref name="month"/> (1 to 12).</summary>
    public static string MonthName(int month, SiteConfig config) => FormatInfoOf(config).GetMonthName(month);

    private static DateTimeFormatInfo FormatInfoOf(SiteConfig config) => config.KeptCalendar?.FormatInfo ?? config.Culture.DateTimeFormat;

    /// <summary>Whether a custom format may hold the era specifier (a one-letter format is a standard one: "g" is the general date).</summary>
    private static bool NamesEra(string format) => format.Length > 1 && format.Contains('g', StringComparison.Ordinal);
}
