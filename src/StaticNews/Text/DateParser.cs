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
        if (TryParseCommonLocal(trimmed, out var common))
        {
            value = InZone(common, zone);
            return true;
        }

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

    /// <summary>
    /// The shapes nearly every article's date has, "yyyy-MM-dd", "yyyy-MM-dd HH:mm" and "yyyy-MM-ddTHH:mm:ss", read digit by
    /// digit: what <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTime)"/> gives
    /// them in a fraction of its time (it tries each offset format first). False for anything else, which then takes that path.
    /// </summary>
    private static bool TryParseCommonLocal(string text, out DateTime local)
    {
        local = default;
        if (text.Length is not (10 or 16 or 19) || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (text.Length > 10
            && (text[10] is not (' ' or 'T') || text[13] != ':' || !TryDigits(text, 11, 2, out hour) || !TryDigits(text, 14, 2, out minute)
                || (text.Length == 19 && (text[16] != ':' || !TryDigits(text, 17, 2, out second)))))
        {
            return false;
        }

        // The first and last days are left to the general path, which knows which of their hours have an instant in every zone.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

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
