using System.Globalization;

namespace StaticNews.Text;

/// <summary>Parses the dates writers type: a day, a day and a time, optionally an offset. Without an offset the time is in the site's zone.</summary>
public static class DateParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-dd H:mm", "yyyy-MM-ddTH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz",
        "yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
    ];

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            trimmed = trimmed[..^1] + "+00:00";
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        // The first and last hours .NET can represent have no instant in every zone (9999-12-31 23:00 in New York is past year 9999 in UTC).
        var earliest = DateTime.MinValue.AddDays(2);
        var latest = DateTime.MaxValue.AddDays(-2);
        if (local < earliest || local > latest)
        {
            return false;
        }

        value = InZone(local, zone);
        return true;
    }

    /// <summary>A wall-clock time in a zone. A time skipped by a daylight-saving jump moves forward by the jump; an ambiguous one takes the earlier offset.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
