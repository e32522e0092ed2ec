using StaticNews.Building;

namespace StaticNews.Incremental;

/// <summary>Calendar texts a build took from the site's culture, for the build cache to keep under <paramref name="Identity"/> (see <see cref="CalendarCache"/>).</summary>
internal sealed record CalendarToKeep(CalendarTexts Texts, string Identity);
