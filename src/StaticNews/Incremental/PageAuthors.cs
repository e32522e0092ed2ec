using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The authors a page's place in the site hands its templates and a theme nearly always shows: an author page's own, and
/// the bylines of its own article (the author box) and of the articles it lists or relates (their cards). A page's
/// fingerprint takes their files whether its templates read them or not, so what a page is recorded to have read is only
/// the rest (the bylines of its neighbours or of the most read, say), which the default theme does not show: stored for
/// every article page, the related cards' bylines grew the build cache by 8 % at 10,000 articles. Not the most read's
/// bylines: every page shows the site's most read, and a new photo of the author of one would render them all.
/// </summary>
internal static class PageAuthors
{
    /// <summary>Whether <paramref name="author"/> is among the authors <paramref name="page"/>'s place gives it (see <see cref="PageFingerprints"/>, which takes their files).</summary>
    public static bool Holds(Page page, Author author)
    {
        if (ReferenceEquals(page.Author, author) || (page is { Kind: PageKind.Article, Article: { } article } && ReferenceLists.Contains(article.Authors, author)))
        {
            return true;
        }

        return InBylines(page.Articles, author) || InBylines(page.Related, author);
    }

    private static bool InBylines(IReadOnlyList<Article> articles, Author author)
    {
        for (var i = 0; i < articles.Count; i++)
        {
            if (ReferenceLists.Contains(articles[i].Authors, author))
            {
                return true;
            }
        }

        return false;
    }
}
