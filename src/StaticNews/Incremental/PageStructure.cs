using StaticNews.Model;

namespace StaticNews.Incremental;

/// <summary>
/// A page's place in the site, as its fingerprint takes it: every member of the page, the articles it refers to by identity
/// (source path) and everything else by value. What the page's templates then read of those articles is in its reads
/// (<see cref="PageReads"/>); authors and categories come whole from the site-wide files, so they are named by identity too.
/// A test keeps the members listed here in step with <see cref="Page"/>'s.
/// </summary>
internal static class PageStructure
{
    public static void AddTo(Fingerprint fingerprint, Page page)
    {
        fingerprint.Add((int)page.Kind).Add(page.Url).Add(page.OutputPath).Add(page.Title).Add(page.Description);
        fingerprint.Add(page.Breadcrumb.Count);
        foreach (var link in page.Breadcrumb)
        {
            fingerprint.Add(link.Name).Add(link.Url);
        }

        fingerprint.Add(page.Article?.SourcePath).Add(page.Author?.Id).Add(page.Category?.Path);
        AddTag(fingerprint, page.Tag);
        AddArticles(fingerprint, page.Articles);
        AddPager(fingerprint, page.Pager);
        AddArticles(fingerprint, page.Related);
        AddArticles(fingerprint, page.MostRead);
        fingerprint.Add(page.Previous?.SourcePath).Add(page.Next?.SourcePath);
        fingerprint.Add(page.Year ?? -1).Add(page.Month ?? -1);
    }

    /// <summary>The articles of a list, in order, by source path.</summary>
    public static void AddArticles(Fingerprint fingerprint, IReadOnlyList<Article> articles)
    {
        fingerprint.Add(articles.Count);
        foreach (var article in articles)
        {
            fingerprint.Add(article.SourcePath);
        }
    }

    /// <summary>A tag by value: its name is the spelling of the article that made it.</summary>
    public static void AddTag(Fingerprint fingerprint, Tag? tag)
    {
        if (tag is null)
        {
            fingerprint.Add(-1);
            return;
        }

        fingerprint.Add(tag.Slug).Add(tag.Name).Add(tag.Url);
    }

    private static void AddPager(Fingerprint fingerprint, Pager? pager)
    {
        if (pager is null)
        {
            fingerprint.Add(-1);
            return;
        }

        // The links a template can reach (the first, the last and those around this page), not the listing's every URL: a
        // listing of 10,000 pages would hash its 10,000 URLs on each of them.
        fingerprint.Add(pager.PageNumber).Add(pager.PageCount).Add(pager.TotalItems)
            .Add(pager.PreviousUrl).Add(pager.NextUrl).Add(pager.FirstUrl);
        var links = pager.Pages;
        fingerprint.Add(links.Count);
        foreach (var link in links)
        {
            fingerprint.Add(link.Number).Add(link.Url).Add(link.IsCurrent ? 1 : 0);
        }
    }
}
