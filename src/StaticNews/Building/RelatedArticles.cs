using StaticNews.Diagnostics;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>
/// The related articles of every article, from an inverted index (tag -> articles, category -> articles, parent section -> articles).
/// Each shared tag scores 3, the same category 3, only the same parent section 1; ties go to the article closest in time, then to the slug.
/// From each posting list only the <see cref="CandidatesPerList"/> articles nearest in date are considered, so the cost grows with
/// articles × lists × N rather than with the square of the number of articles. Editors' picks (front matter 'related') come first.
/// </summary>
internal static class RelatedArticles
{
    public const int TagWeight = 3;
    public const int CategoryWeight = 3;
    public const int SectionWeight = 1;

    public static int CandidatesPerList(int count) => Math.Max(16, count * 4);

    /// <param name="articles">Newest first, as in <see cref="Site.Articles"/>.</param>
    /// <param name="pins">Slug -> the slugs an editor listed in 'related', with their positions for diagnostics.</param>
    /// <param name="count">How many related articles each article gets at most.</param>
    /// <param name="diagnostics">Receives a warning for each pinned slug that matches no other article.</param>
    public static Dictionary<Article, IReadOnlyList<Article>> Compute(
        IReadOnlyList<Article> articles,
        IReadOnlyDictionary<string, IReadOnlyList<(string Value, SourceLocation Location)>> pins,
        int count,
        DiagnosticBag diagnostics)
    {
        var keys = new string[articles.Count][];
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            keys[i] = [.. Keys(articles[i])];
            foreach (var key in keys[i])
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(i);
            }
        }

        var bySlug = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            bySlug.TryAdd(article.Slug, article);
        }

        var cap = CandidatesPerList(count);
        var chosenFor = new IReadOnlyList<Article>[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var article = articles[i];
            var chosen = new List<Article>(count);
            foreach (var (slug, location) in pins.GetValueOrDefault(article.Slug) ?? [])
            {
                if (!bySlug.TryGetValue(slug, out var pinned) || ReferenceEquals(pinned, article))
                {
                    diagnostics.Report(DiagnosticCodes.RelatedSlugUnknown, location, slug);
                }
                else if (!chosen.Contains(pinned) && chosen.Count < count)
                {
                    chosen.Add(pinned);
                }
            }

            var scores = new Dictionary<int, int>();
            foreach (var key in keys[i])
            {
                var weight = key[0] switch { 't' => TagWeight, 'c' => CategoryWeight, _ => SectionWeight };
                foreach (var other in Nearest(lists[key], i, articles, cap))
                {
                    scores[other] = scores.GetValueOrDefault(other) + weight;
                }
            }

            // Slugs are unique, so this order has no ties and sorting needs no stability.
            var candidates = new List<(int Index, int Score, TimeSpan Distance)>(scores.Count);
            foreach (var (other, score) in scores)
            {
                if (!chosen.Contains(articles[other]))
                {
                    candidates.Add((other, score, (articles[other].Date - article.Date).Duration()));
                }
            }

            candidates.Sort((a, b) =>
                b.Score != a.Score ? b.Score.CompareTo(a.Score)
                : a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
                : string.CompareOrdinal(articles[a.Index].Slug, articles[b.Index].Slug));
            for (var c = 0; c < candidates.Count && chosen.Count < count; c++)
            {
                chosen.Add(articles[candidates[c].Index]);
            }

            chosenFor[i] = chosen;
        });

        var related = new Dictionary<Article, IReadOnlyList<Article>>(articles.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Count; i++)
        {
            related[articles[i]] = chosenFor[i];
        }

        return related;
    }

    /// <summary>The posting-list keys of an article: t:tag, c:category, and s:section (the category's parent, or itself at the top).</summary>
    private static IEnumerable<string> Keys(Article article)
    {
        foreach (var tag in article.Tags)
        {
            yield return "t:" + tag.Slug;
        }

        if (article.Category is { } category)
        {
            yield return "c:" + category.Path;
            yield return "s:" + (category.ParentPath ?? category.Path);
        }
    }

    /// <summary>Up to <paramref name="cap"/> members of the list closest in date to the article at <paramref name="self"/>, itself excluded.</summary>
    private static List<int> Nearest(List<int> list, int self, IReadOnlyList<Article> articles, int cap)
    {
        var at = list.BinarySearch(self);
        var left = at - 1;
        var right = at + 1;
        var date = articles[self].Date;
        var result = new List<int>(Math.Min(cap, list.Count));
        while (result.Count < cap && (left >= 0 || right < list.Count))
        {
            var takeLeft = right >= list.Count || (left >= 0 && (articles[list[left]].Date - date).Duration() <= (articles[list[right]].Date - date).Duration());
            result.Add(takeLeft ? list[left--] : list[right++]);
        }

        return result;
    }
}
