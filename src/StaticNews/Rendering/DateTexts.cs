using System.Collections.Concurrent;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// The texts templates print for dates (<c>iso_date</c>, <c>format_date</c>), each made once per build: an article's date is
/// printed on its page, in its metadata and on every card that shows it, and converting it to the site's zone and formatting
/// it in the site's culture costs more than a microsecond. A date's text depends only on its instant (the site's zone and
/// culture are the build's), so dates that are equal instants share it. At most <paramref name="maxEntries"/> texts are kept;
/// past that they are made on each call.
/// </summary>
internal sealed class DateTexts(SiteConfig config, int maxEntries = DateTexts.DefaultMaxEntries)
{
    public const int DefaultMaxEntries = 1 << 18;

    private readonly ConcurrentDictionary<DateTimeOffset, string> _iso = new();
    private readonly ConcurrentDictionary<(DateTimeOffset Date, string Format), string> _formatted = new();
    private int _kept;

    public string Iso(object? value)
    {
        if (value is not DateTimeOffset date)
        {
            return TemplateFunctions.IsoDate(value, config);
        }

        if (_iso.TryGetValue(date, out var text))
        {
            return text;
        }

        text = TemplateFunctions.IsoDate(date, config);
        if (MayKeepOneMore())
        {
            _iso.TryAdd(date, text);
        }

        return text;
    }

    public string Format(object? value, string format)
    {
        if (value is not DateTimeOffset date)
        {
            return TemplateFunctions.FormatDate(value, format, config);
        }

        if (_formatted.TryGetValue((date, format), out var text))
        {
            return text;
        }

        text = TemplateFunctions.FormatDate(date, format, config);
        if (MayKeepOneMore())
        {
            _formatted.TryAdd((date, format), text);
        }

        return text;
    }

    private bool MayKeepOneMore() => Volatile.Read(ref _kept) < maxEntries && Interlocked.Increment(ref _kept) <= maxEntries;
}
