using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>The result of stage 3: the site and every page to render.</summary>
public sealed record SiteModel(Site Site, IReadOnlyList<Page> Pages, UrlBuilder Urls)
{
    /// <summary>The time of the build from <see cref="BuildOptions.Clock"/>: what the news sitemap's two-day window is measured from.</summary>
    public DateTimeOffset BuiltAt { get; init; }
}
