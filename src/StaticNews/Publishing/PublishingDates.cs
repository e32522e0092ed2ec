using System.Globalization;

namespace StaticNews.Publishing;

/// <summary>The date formats feeds and sitemaps require, always in the invariant culture.</summary>
internal static class PublishingDates
{
    /// <summary>RFC 3339 / W3C datetime with the site zone's offset, for Atom, JSON Feed, sitemaps and JSON-LD.</summary>
    public static string Rfc3339(DateTimeOffset date, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(date, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 (as RFC 1123 profiles it) in GMT, for RSS 2.0.</summary>
    public static string Rfc822(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
