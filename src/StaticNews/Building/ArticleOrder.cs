using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>The one order of articles in every listing: newest first, ties broken by slug so output never depends on file order.</summary>
internal sealed class ArticleOrder : IComparer<Article>
{
    public static ArticleOrder NewestFirst { get; } = new();

    public int Compare(Article? x, Article? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byDate = y.Date.CompareTo(x.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.Slug, y.Slug);
    }
}
