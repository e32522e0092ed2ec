using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The authors a page's place in the site hands its templates and a theme nearly always shows: an author page's own, and
/// the bylines of its own article (the author box) and of the articles it lists (their cards). A page's fingerprint takes
/// their files whether its templates read them or not, so what a page is recorded to have read is only the rest (the
/// bylines of related or most-read articles, say), which the default theme does not show. Not its neighbours', related or
/// most-read articles' bylines: every page shows the site's most read, and an author's new photo would render them all.
/// </summary>
internal static class PageAuthors
{
    /// <summary>Whether <paramref name="author"/> is among the authors <paramref name="page"/>'s place gives it.</summary>
    public static bool Holds(Page page, Author author)
    {
        if (ReferenceEquals(page.Author, author) || (page.Article is { } article && Contains(article.Authors, author)))
        {
            return true;
        }

        for (var i = 0; i < page.Articles.Count; i++)
        {
            if (Contains(page.Articles[i].Authors, author))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<Author> authors, Author author)
    {
        for (var i = 0; i < authors.Count; i++)
        {
            if (ReferenceEquals(authors[i], author))
            {
                return true;
            }
        }

        return false;
    }
}
