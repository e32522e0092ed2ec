using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The site's lists as every page's fingerprint takes them: the articles of each by identity (source path), in order, and the
/// tags, archive and sections by value. The settings, authors and categories come whole from the site-wide files, which the
/// fingerprint holds already. A test keeps the members listed here in step with <see cref="Site"/>'s.
/// </summary>
internal static class SiteStructure
{
    public static void AddTo(Fingerprint fingerprint, Site site)
    {
        fingerprint.Add("articles");
        PageStructure.AddArticles(fingerprint, site.Articles);
        fingerprint.Add("authors").Add(site.Authors.Count);
        foreach (var author in site.Authors)
        {
            fingerprint.Add(author.Id);
        }

        fingerprint.Add("categories").Add(site.Categories.Count);
        foreach (var category in site.Categories)
        {
            fingerprint.Add(category.Path);
        }

        fingerprint.Add("tags").Add(site.Tags.Count);
        foreach (var tag in site.Tags)
        {
            PageStructure.AddTag(fingerprint, tag.Tag);
            fingerprint.Add(tag.Count);
        }

        fingerprint.Add("popular");
        PageStructure.AddArticles(fingerprint, site.Popular);
        fingerprint.Add("months").Add(site.ArchiveMonths.Count);
        foreach (var month in site.ArchiveMonths)
        {
            AddMonth(fingerprint, month);
        }

        fingerprint.Add("years").Add(site.ArchiveYears.Count);
        foreach (var year in site.ArchiveYears)
        {
            fingerprint.Add(year.Year).Add(year.Count).Add(year.Url).Add(year.Months.Count);
            foreach (var month in year.Months)
            {
                AddMonth(fingerprint, month);
            }
        }

        fingerprint.Add("breaking");
        PageStructure.AddArticles(fingerprint, site.Breaking);
        fingerprint.Add("sections").Add(site.Sections.Count);
        foreach (var section in site.Sections)
        {
            fingerprint.Add(section.Category.Path).Add(section.TotalCount);
            PageStructure.AddArticles(fingerprint, section.Articles);
        }
    }

    private static void AddMonth(Fingerprint fingerprint, ArchiveMonth month) =>
        fingerprint.Add(month.Year).Add(month.Month).Add(month.Name).Add(month.Count).Add(month.Url);
}
