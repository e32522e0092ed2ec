using System.Globalization;
using Scriban.Runtime;
using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>The pure helpers every template may call: dates in the site's zone and culture, and base-URL-aware URLs.</summary>
internal static class TemplateFunctions
{
    public static ScriptObject Create(SiteConfig config, UrlBuilder urls)
    {
        var functions = new ScriptObject();
        var dates = new DateFormatter(config);
        functions.Import("format_date", new Func<object?, string[], string>(dates.Format));
        functions.Import("iso_date", new Func<object?, string>(value => IsoDate(value, config)));
        functions.Import("absolute_url", new Func<string?, string>(url => url is null ? string.Empty : urls.Absolute(url)));
        functions.Import("relative_url", new Func<string?, string>(url => url is null ? string.Empty : urls.Resolve(url)));
        functions.Import("month_name", new Func<int, string>(month => config.Culture.DateTimeFormat.GetMonthName(Math.Clamp(month, 1, 12))));
        return functions;
    }

    public static string FormatDate(object? value, string format, SiteConfig config) =>
        ToLocal(value, config) is { } local ? local.ToString(format, config.Culture) : string.Empty;

    public static string IsoDate(object? value, SiteConfig config) =>
        ToLocal(value, config) is { } local ? local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : string.Empty;

    private static DateTimeOffset? ToLocal(object? value, SiteConfig config) => value switch
    {
        DateTimeOffset offset => TimeZoneInfo.ConvertTime(offset, config.TimeZone),
        DateTime dateTime => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)), config.TimeZone),
        _ => null,
    };
}
