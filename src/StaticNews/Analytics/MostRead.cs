using StaticNews.Model;

namespace StaticNews.Analytics;

/// <summary>
/// The articles an analytics export puts first, most read first, and the first moment after the build's time at which the
/// window's rows would count differently (a row's day comes, or leaves the window), or null when none will.
/// </summary>
internal sealed record MostRead(List<Article> Articles, DateTimeOffset? WindowChanges)
{
    public static MostRead Empty { get; } = new([], WindowChanges: null);
}
