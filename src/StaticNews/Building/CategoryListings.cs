using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>
/// The category listings an article appears in: its category's own and each parent's, nearest first. Found once per build
/// for each category, so the pages and the feeds do not walk every article's category path up again.
/// </summary>
internal static class CategoryListings
{
    /// <summary>For each category's path, the paths of its listings (its own first, then its parents' up to the root).</summary>
    public static Dictionary<string, string[]> ByPath(IEnumerable<Category> categories)
    {
        var byPath = categories.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var listings = new Dictionary<string, string[]>(byPath.Count, StringComparer.Ordinal);
        foreach (var category in byPath.Values)
        {
            var chain = new List<string>();
            for (var listed = category; listed is not null; listed = listed.ParentPath is { } parent ? byPath.GetValueOrDefault(parent) : null)
            {
                chain.Add(listed.Path);
            }

            listings[category.Path] = [.. chain];
        }

        return listings;
    }

    /// <summary>The listings of <paramref name="category"/> in <paramref name="listings"/> (its own alone if it is not there).</summary>
    public static string[] Of(Dictionary<string, string[]> listings, Category category) =>
        listings.TryGetValue(category.Path, out var paths) ? paths : [category.Path];
}
