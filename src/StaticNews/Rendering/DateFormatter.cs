using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>format_date value [format]: the optional format is a params array so templates may leave it out.</summary>
internal sealed class DateFormatter(SiteConfig config)
{
    public string Format(object? value, params string[] format) =>
        TemplateFunctions.FormatDate(value, format.Length > 0 ? format[0] : config.DateFormat, config);
}
