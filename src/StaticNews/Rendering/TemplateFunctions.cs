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
        var dates = new DateTexts(config);
        functions.SetValue("format_date", new TemplateFunction<object?, string?, string>((value, format) => dates.Format(value, format ?? config.DateFormat), ["value", "format"], optional: 1), readOnly: true);
        Import(functions, "iso_date", "value", (object? value) => dates.Iso(value));
        Import(functions, "absolute_url", "url", (string? url) => url is null ? string.Empty : urls.Absolute(url));
        Import(functions, "relative_url", "url", (string? url) => url is null ? string.Empty : urls.Resolve(url));
        Import(functions, "month_name", "month", (int month) => SiteDates.MonthName(Math.Clamp(month, 1, 12), config));
        return functions;
    }

    /// <summary>Adds a function of one parameter to <paramref name="functions"/>, called without reflection.</summary>
    public static void Import<T, TResult>(ScriptObject functions, string name, string parameter, Func<T, TResult> function) =>
        functions.SetValue(name, new TemplateFunction<T, object?, TResult>((value, _) => function(value), [parameter]), readOnly: true);

    public static string FormatDate(object? value, string format, SiteConfig config) =>
        ToLocal(value, config) is { } local ? SiteDates.Format(local, format, config) : string.Empty;

    public static string IsoDate(object? value, SiteConfig config) =>
        ToLocal(value, config) is { } local ? local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : string.Empty;

    private static DateTimeOffset? ToLocal(object? value, SiteConfig config) => value switch
    {
        DateTimeOffset offset => TimeZoneInfo.ConvertTime(offset, config.TimeZone),
        DateTime dateTime => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)), config.TimeZone),
        _ => null,
    };
}
