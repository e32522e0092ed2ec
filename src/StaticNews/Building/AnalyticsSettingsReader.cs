using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>Reads site.yml's 'analytics' mapping: file, path_column, views_column, date_column, window_days.</summary>
internal static class AnalyticsSettingsReader
{
    private static readonly string[] Keys = ["file", "path_column", "views_column", "date_column", "window_days"];

    public static AnalyticsSettings Read(YamlSource document, FieldReader fields, DiagnosticBag diagnostics)
    {
        var defaults = new AnalyticsSettings();
        if (fields.Node("analytics") is not { } node || FieldReader.Create(document, node, diagnostics) is not { } analytics)
        {
            return defaults;
        }

        var settings = new AnalyticsSettings
        {
            File = analytics.String("file") ?? defaults.File,
            PathColumn = analytics.String("path_column") ?? defaults.PathColumn,
            ViewsColumn = analytics.String("views_column") ?? defaults.ViewsColumn,
            DateColumn = analytics.String("date_column") ?? defaults.DateColumn,
            WindowDays = analytics.Int("window_days", defaults.WindowDays, 1, 3660),
        };

        foreach (var key in analytics.Extras().Keys.Where(k => !Keys.Contains(k, StringComparer.Ordinal)))
        {
            diagnostics.Report(DiagnosticCodes.UnknownSetting, analytics.LocationOfKey(key), "analytics." + key);
        }

        return settings;
    }
}
