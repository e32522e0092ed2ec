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

        // A loop, not Where then Select: Select on what Where gives is a generic virtual call, resolved at run time by the
        // natively compiled tool at a cost (see SiteBuilder.ByNameThenId).
        var sections = new List<Section>(roots.Count);
        foreach (var root in roots)
        {
            if (latest.TryGetValue(root.Path, out var newest))
            {
                sections.Add(new Section(root, [.. newest], totals[root.Path]));
            }
        }

        return [.. sections];
    }
}
