using StaticNews.Building;

namespace StaticNews.Incremental;

/// <summary>
/// The site's language's calendar texts (<see cref="CalendarTexts"/>), beside the build cache, so a build formats its dates
/// without loading them from ICU. Kept only where something identifies the culture data the process formats with
/// (<see cref="BuildOptions.CultureDataIdentity"/>: the natively compiled tool with ICU linked in names its own build), and
/// trusted only under that identity and this engine's: another ICU may name months differently. Guarded like the other
/// caches; any mismatch or damage means taking the texts from the culture again.
/// </summary>
internal static class CalendarCache
{
    public const string FileName = "calendar.bin";

    private const string Magic = "StaticNews calendar";
    private const int FormatVersion = 1;

    /// <summary>The texts kept in <paramref name="folder"/> for <paramref name="cultureName"/> under <paramref name="identity"/>, or null.</summary>
    public static CalendarTexts? Load(string folder, string identity, string cultureName)
    {
        var file = EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, ContextOf(identity));
        if (!file.TryGet(cultureName, out var entry))
        {
            return null;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            return CalendarTexts.Read(ref reader) is { } texts && texts.CultureName == cultureName ? texts : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    public static void Save(string path, string identity, CalendarTexts texts) =>
        EntryFile.Save(path, Magic, FormatVersion, ContextOf(identity), [texts], t => t.CultureName, (writer, t) => t.Write(writer), () => []);

    private static string ContextOf(string identity) => EngineIdentity.Version + " " + identity;
}
