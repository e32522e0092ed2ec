using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>The home page's sections: each top category with its newest articles, computed once per build.</summary>
internal static class SectionBuilder
{
    public const int ArticlesPerSection = 4;

    /// <summary>Sections in tree order; <paramref name="articles"/> must be newest first.</summary>
    public static IReadOnlyList<Section> Build(IReadOnlyList<Category> roots, IReadOnlyList<Article> articles)
    {
        var latest = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.Category is not { } category)
            {
                continue;
            }

            var root = category.TopPath;
            totals[root] = totals.GetValueOrDefault(root) + 1;
            if (!latest.TryGetValue(root, out var list))
            {
                latest[root] = list = [];
            }

            if (list.Count < ArticlesPerSection)
            {
                list.Add(article);
            }
        }

        return [.. roots
            .Where(root => latest.ContainsKey(root.Path))
            .Select(root => new Section(root, [.. latest[root.Path]], totals[root.Path]))];
    }
}
