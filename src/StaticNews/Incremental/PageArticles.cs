using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// The articles a page's place in the site hands its templates: its own, those it lists, its neighbours, its related and
/// most-read articles, and the site's most-read and breaking articles, which any page may show. A page's fingerprint takes
/// their front matter whether its templates read them or not (a theme shows nearly all of them), so what a page is recorded
/// to have read is only the rest: a few articles on a few pages, instead of a dozen on every page.
/// </summary>
internal static class PageArticles
{
    /// <summary>Whether <paramref name="article"/> is among the articles <paramref name="page"/>'s place in <paramref name="site"/> gives it.</summary>
    public static bool Holds(Page page, Site site, Article article) =>
        ReferenceEquals(page.Article, article) || ReferenceEquals(page.Previous, article) || ReferenceEquals(page.Next, article)
        || ReferenceLists.Contains(page.Articles, article) || ReferenceLists.Contains(page.Related, article) || ReferenceLists.Contains(page.MostRead, article)
        || ReferenceLists.Contains(site.Popular, article) || ReferenceLists.Contains(site.Breaking, article);
}
