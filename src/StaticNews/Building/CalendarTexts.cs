using System.Globalization;
using StaticNews.Incremental;

namespace StaticNews.Building;

/// <summary>
/// What a culture writes dates with (month and day names, regular and genitive, full and abbreviated; the AM and PM
/// designators; the separators and the standard patterns), copied out of the culture once so later builds can format
/// dates without it: a culture's calendar data comes from ICU on first use, 3 ms of CPU in every build, on the path of an
/// edit (see <see cref="Incremental.CalendarCache"/>). Taken only from a culture whose calendar is the Gregorian one, and only
/// when the copy formats a set of probe dates exactly as the culture does. Era names cannot be set on a format of one's
/// own: a format naming the era (<c>g</c>) goes to the culture (<see cref="SiteDates"/>).
/// </summary>
internal sealed class CalendarTexts
{
    private const int MonthCount = 13;
    private const int DayCount = 7;

    /// <summary>The names and patterns, in the order <see cref="Take"/> lists them.</summary>
    private const int NameCount = (MonthCount * 4) + (DayCount * 2) + 11;

    /// <summary>Every standard date format, and custom ones using every name, designator, separator and genitive form.</summary>
    private static readonly string[] ProbeFormats =
    [
        "d", "D", "f", "F", "g", "G", "m", "M", "t", "T", "y", "Y",
        "d MMMM yyyy", "dd MMM yyyy", "MMMM d, yyyy", "MMM d", "MMMM yyyy", "MMMM", "MMM", "dddd", "ddd",
        "dddd, d MMMM yyyy HH:mm", "ddd, d MMM yyyy", "d. MMMM yyyy 'um' H:mm", "yyyy/MM/dd", "hh:mm tt", "h:mm:ss t", "HH:mm:ss.fff",
    ];

    private readonly string[] _names;

    private CalendarTexts(string cultureName, string[] names)
    {
        CultureName = cultureName;
        _names = names;
        FormatInfo = DateTimeFormatInfo.ReadOnly(MakeFormatInfo(names));
    }

    /// <summary>The name of the culture the texts were taken from.</summary>
    public string CultureName { get; }

    /// <summary>A read-only format made of the texts alone: formatting with it loads nothing from ICU.</summary>
    public DateTimeFormatInfo FormatInfo { get; }

    /// <summary>The texts of <paramref name="culture"/>, or null when a copy would not format its dates exactly as it does.</summary>
    public static CalendarTexts? Take(CultureInfo culture)
    {
        var info = culture.DateTimeFormat;
        if (info.Calendar is not GregorianCalendar { CalendarType: GregorianCalendarTypes.Localized })
        {
            return null;
        }

        string[] names =
        [
            .. info.MonthNames, .. info.AbbreviatedMonthNames, .. info.MonthGenitiveNames, .. info.AbbreviatedMonthGenitiveNames,
            .. info.DayNames, .. info.AbbreviatedDayNames,
            info.AMDesignator, info.PMDesignator, info.DateSeparator, info.TimeSeparator,
            info.ShortDatePattern, info.LongDatePattern, info.ShortTimePattern, info.LongTimePattern,
            info.FullDateTimePattern, info.MonthDayPattern, info.YearMonthPattern,
        ];
        var texts = new CalendarTexts(culture.Name, names);
        return texts.FormatsAs(culture) ? texts : null;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(CultureName);
        writer.Write7BitEncodedInt(_names.Length);
        foreach (var name in _names)
        {
            writer.Write(name);
        }
    }

    /// <summary>Texts written by <see cref="Write"/>; null when they do not make a format (a damaged or foreign entry).</summary>
    public static CalendarTexts? Read(ref CacheReader reader)
    {
        var cultureName = reader.ReadString();
        var names = new string[reader.Read7BitEncodedInt()];
        if (names.Length != NameCount)
        {
            return null;
        }

        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        try
        {
            return new CalendarTexts(cultureName, names);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether every probe format gives the same text with the copy as with <paramref name="culture"/>, on a day of each
    /// month, morning and afternoon, and whether every month and day has the same names.
    /// </summary>
    internal bool FormatsAs(CultureInfo culture)
    {
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            if (culture.DateTimeFormat.GetDayName(day) != FormatInfo.GetDayName(day) || culture.DateTimeFormat.GetAbbreviatedDayName(day) != FormatInfo.GetAbbreviatedDayName(day))
            {
                return false;
            }
        }

        for (var month = 1; month <= 12; month++)
        {
            if (culture.DateTimeFormat.GetMonthName(month) != FormatInfo.GetMonthName(month) || culture.DateTimeFormat.GetAbbreviatedMonthName(month) != FormatInfo.GetAbbreviatedMonthName(month))
            {
                return false;
            }

            var date = new DateTimeOffset(2024, month, month + 3, (month * 5) % 24, month * 4, month, month * 70, TimeSpan.FromHours(month % 3));
            foreach (var format in ProbeFormats)
            {
                if (date.ToString(format, culture) != date.ToString(format, FormatInfo) || date.AddHours(12).ToString(format, culture) != date.AddHours(12).ToString(format, FormatInfo))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static DateTimeFormatInfo MakeFormatInfo(string[] names)
    {
        if (names.Length != NameCount)
        {
            throw new ArgumentException($"Calendar texts are {NameCount} names, not {names.Length}.", nameof(names));
        }

        var at = 0;
        string[] Next(int count)
        {
            var part = names[at..(at + count)];
            at += count;
            return part;
        }

        string NextName() => names[at++];

        // The patterns last: setting the long date or time pattern clears the full one.
        return new DateTimeFormatInfo
        {
            MonthNames = Next(MonthCount),
            AbbreviatedMonthNames = Next(MonthCount),
            MonthGenitiveNames = Next(MonthCount),
            AbbreviatedMonthGenitiveNames = Next(MonthCount),
            DayNames = Next(DayCount),
            AbbreviatedDayNames = Next(DayCount),
            AMDesignator = NextName(),
            PMDesignator = NextName(),
            DateSeparator = NextName(),
            TimeSeparator = NextName(),
            ShortDatePattern = NextName(),
            LongDatePattern = NextName(),
            ShortTimePattern = NextName(),
            LongTimePattern = NextName(),
            FullDateTimePattern = NextName(),
            MonthDayPattern = NextName(),
            YearMonthPattern = NextName(),
        };
    }
}
