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

    public string Iso(object? value) =>
        value is DateTimeOffset date ? TextOf(_iso, date, static (date, config) => TemplateFunctions.IsoDate(date, config)) : TemplateFunctions.IsoDate(value, config);

    public string Format(object? value, string format) =>
        value is DateTimeOffset date
            ? TextOf<(DateTimeOffset Date, string Format)>(_formatted, (date, format), static (key, config) => TemplateFunctions.FormatDate(key.Date, key.Format, config))
            : TemplateFunctions.FormatDate(value, format, config);

    /// <summary>The text kept for <paramref name="key"/>, or made by <paramref name="make"/> (and kept while there is room).</summary>
    private string TextOf<TKey>(ConcurrentDictionary<TKey, string> kept, TKey key, Func<TKey, SiteConfig, string> make)
        where TKey : notnull
    {
        if (kept.TryGetValue(key, out var text))
        {
            return text;
        }

        text = make(key, config);
        if (MayKeepOneMore())
        {
            kept.TryAdd(key, text);
        }

        return text;
    }

    private bool MayKeepOneMore() => Volatile.Read(ref _kept) < maxEntries && Interlocked.Increment(ref _kept) <= maxEntries;
}
