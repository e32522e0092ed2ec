using StaticNews.Discovery;
using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The site's lists as pages' fingerprints take them, one hash per list (<see cref="SiteLists"/>): the articles of each by
/// identity (source path), in order, the authors by the fingerprints of their files, and the tags, archive and sections by
/// value. The settings and categories come whole from the site-wide files, which the fingerprints hold already. A test keeps
/// the lists hashed here in step with <see cref="Site"/>'s members.
/// </summary>
internal static class SiteStructure
{
    /// <summary>
    /// The hash of each list, indexed by its flag's bit (<see cref="Bit"/>); the authors' by <paramref name="authorFingerprints"/>
    /// (<see cref="Building.SiteModel.AuthorFingerprints"/>), since a template listing them may show anything of each.
    /// </summary>
    public static ContentHash[] HashesOf(Site site, IReadOnlyDictionary<string, ContentHash> authorFingerprints)
    {
        var hashes = new ContentHash[Count];
        hashes[Bit(SiteLists.Articles)] = ArticlesHash("articles", site.Articles);
        var authors = new Fingerprint().Add("authors").Add(site.Authors.Count);
        foreach (var author in site.Authors)
        {
            authors.Add(author.Id).AddHash(authorFingerprints.GetValueOrDefault(author.Id));
        }

        hashes[Bit(SiteLists.Authors)] = authors.FinishHash();
        var categories = new Fingerprint().Add("categories").Add(site.Categories.Count);
        foreach (var category in site.Categories)
        {
            categories.Add(category.Path);
        }

        hashes[Bit(SiteLists.Categories)] = categories.FinishHash();
        var tags = new Fingerprint().Add("tags").Add(site.Tags.Count);
        foreach (var tag in site.Tags)
        {
            PageStructure.AddTag(tags, tag.Tag);
            tags.Add(tag.Count);
        }

        hashes[Bit(SiteLists.Tags)] = tags.FinishHash();
        hashes[Bit(SiteLists.Popular)] = ArticlesHash("popular", site.Popular);
        var months = new Fingerprint().Add("months").Add(site.ArchiveMonths.Count);
        foreach (var month in site.ArchiveMonths)
        {
            AddMonth(months, month);
        }

        hashes[Bit(SiteLists.ArchiveMonths)] = months.FinishHash();
        var years = new Fingerprint().Add("years").Add(site.ArchiveYears.Count);
        foreach (var year in site.ArchiveYears)
        {
            years.Add(year.Year).Add(year.Count).Add(year.Url).Add(year.Months.Count);
            foreach (var month in year.Months)
            {
                AddMonth(years, month);
            }
        }

        hashes[Bit(SiteLists.ArchiveYears)] = years.FinishHash();
        hashes[Bit(SiteLists.Breaking)] = ArticlesHash("breaking", site.Breaking);
        var sections = new Fingerprint().Add("sections").Add(site.Sections.Count);
        foreach (var section in site.Sections)
        {
            sections.Add(section.Category.Path).Add(section.TotalCount);
            PageStructure.AddArticles(sections, section.Articles);
        }

        hashes[Bit(SiteLists.Sections)] = sections.FinishHash();
        return hashes;
    }

    /// <summary>How many lists there are: a bit each in <see cref="SiteLists.All"/>.</summary>
    public const int Count = 9;

    /// <summary>The index of a single list's hash in <see cref="HashesOf"/>.</summary>
    public static int Bit(SiteLists list) => System.Numerics.BitOperations.TrailingZeroCount((int)list);

    private static ContentHash ArticlesHash(string list, IReadOnlyList<Article> articles)
    {
        var fingerprint = new Fingerprint().Add(list);
        PageStructure.AddArticles(fingerprint, articles);
        return fingerprint.FinishHash();
    }

    private static void AddMonth(Fingerprint fingerprint, ArchiveMonth month) =>
        fingerprint.Add(month.Year).Add(month.Month).Add(month.Name).Add(month.Count).Add(month.Url);
}
