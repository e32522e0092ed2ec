using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The lists of <see cref="Site"/> a page's templates read, as flags: a page depends on the lists it read and on no other,
/// so an article added re-renders the pages showing a list it joins (the listings, the archive, a 404 page of the latest
/// articles), not the articles whose pages show only the navigation. A test keeps the flags in step with the site's
/// members.
/// </summary>
[Flags]
internal enum SiteLists
{
    None = 0,
    Articles = 1 << 0,
    Authors = 1 << 1,
    Categories = 1 << 2,
    Tags = 1 << 3,
    Popular = 1 << 4,
    ArchiveMonths = 1 << 5,
    ArchiveYears = 1 << 6,
    Breaking = 1 << 7,
    Sections = 1 << 8,
    All = (1 << 9) - 1,
}
