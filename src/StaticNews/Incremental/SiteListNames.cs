using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// Which of the site's lists each of <see cref="Site"/>'s members is: the settings and what is made from them are none (the
/// fingerprint takes site.yml whole), and a member not known here counts as every list, so a member added to the site
/// without a flag of its own can only make pages render more often.
/// </summary>
internal static class SiteListNames
{
    /// <summary>The list <paramref name="propertyName"/> (a member of <see cref="Site"/>, by its .NET name) is, or none.</summary>
    public static SiteLists Of(string propertyName) => propertyName switch
    {
        nameof(Site.Articles) => SiteLists.Articles,
        nameof(Site.Authors) => SiteLists.Authors,
        nameof(Site.Categories) => SiteLists.Categories,
        nameof(Site.Tags) => SiteLists.Tags,
        nameof(Site.Popular) => SiteLists.Popular,
        nameof(Site.ArchiveMonths) => SiteLists.ArchiveMonths,
        nameof(Site.ArchiveYears) => SiteLists.ArchiveYears,
        nameof(Site.Breaking) => SiteLists.Breaking,
        nameof(Site.Sections) => SiteLists.Sections,
        nameof(Site.Config) or nameof(Site.Title) or nameof(Site.Url) => SiteLists.None,
        _ => SiteLists.All,
    };
}
