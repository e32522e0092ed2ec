namespace StaticNews.Model;

/// <summary>The analytics export read for "Most Popular": a CSV in data/ with a path and a page-view column, optionally a date column.</summary>
public sealed record AnalyticsSettings
{
    public string File { get; init; } = "analytics.csv";
    public string PathColumn { get; init; } = "path";
    public string ViewsColumn { get; init; } = "pageviews";

    /// <summary>When set, only rows dated within <see cref="WindowDays"/> days before the build count.</summary>
    public string DateColumn { get; init; } = "date";
    public int WindowDays { get; init; } = 7;
}
