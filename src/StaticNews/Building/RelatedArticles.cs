using StaticNews.Diagnostics;
using StaticNews.Incremental;
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
        ReportUnknownPins(articles, pins, diagnostics);
        return ToArticles(articles, ComputeIndices(articles, pins, count));
    }

    /// <summary>
    /// What the lists are computed from, in one fingerprint: each article's place, slug, date, tags, category and section,
    /// the editors' picks and the count. The same fingerprint gives the same lists.
    /// </summary>
    public static string InputsOf(
        IReadOnlyList<Article> articles,
        IReadOnlyDictionary<string, IReadOnlyList<(string Value, SourceLocation Location)>> pins,
        int count)
    {
        var fingerprint = new Fingerprint().Add(count).Add(articles.Count);
        foreach (var article in articles)
        {
            // What the article's keys are made from (see Keys), not the keys: making those strings only to hash them was 2.8 MiB
            // of an edit's allocations at 10,000 articles.
            fingerprint.Add(article.Slug).Add(article.Date.UtcTicks).Add(article.Tags.Count);
            for (var tagIndex = 0; tagIndex < article.Tags.Count; tagIndex++)
            {
                fingerprint.Add(article.Tags[tagIndex].Slug);
            }

            fingerprint.Add(article.Category?.Path).Add(article.Category?.ParentPath);

            var picks = pins.GetValueOrDefault(article.Slug) ?? [];
            fingerprint.Add(picks.Count);
            foreach (var (slug, _) in picks)
            {
                fingerprint.Add(slug);
            }
        }

        return fingerprint.Finish();
    }

    /// <summary>Warns of each pinned slug that matches no other article (where the lists are not computed, they are still reported).</summary>
    public static void ReportUnknownPins(
        IReadOnlyList<Article> articles,
        IReadOnlyDictionary<string, IReadOnlyList<(string Value, SourceLocation Location)>> pins,
        DiagnosticBag diagnostics)
    {
        if (pins.Count == 0)
        {
            return;
        }

        var bySlug = IndexBySlug(articles);
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var (slug, location) in pins.GetValueOrDefault(articles[i].Slug) ?? [])
            {
                if (!bySlug.TryGetValue(slug, out var pinned) || pinned == i)
                {
                    diagnostics.Report(DiagnosticCodes.RelatedSlugUnknown, location, slug);
                }
            }
        }
    }

    /// <summary>The related articles of each article, as positions in <paramref name="articles"/>.</summary>
    public static int[][] ComputeIndices(
        IReadOnlyList<Article> articles,
        IReadOnlyDictionary<string, IReadOnlyList<(string Value, SourceLocation Location)>> pins,
        int count)
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

        var bySlug = IndexBySlug(articles);
        var cap = CandidatesPerList(count);
        var chosenFor = new int[articles.Count][];

        // Each worker scores in scratch of its own, sized for every article.
        ParallelWork.For(articles.Count, () => new ScoreScratch(articles.Count), (i, scratch) =>
        {
            var article = articles[i];
            var chosen = new List<int>(count);
            foreach (var (slug, _) in pins.GetValueOrDefault(article.Slug) ?? [])
            {
                if (bySlug.TryGetValue(slug, out var pinned) && pinned != i && !chosen.Contains(pinned) && chosen.Count < count)
                {
                    chosen.Add(pinned);
                }
            }

            var (scores, scored, candidates) = (scratch.Scores, scratch.Scored, scratch.Candidates);
            foreach (var key in keys[i])
            {
                var weight = key[0] switch { 't' => TagWeight, 'c' => CategoryWeight, _ => SectionWeight };
                foreach (var other in Nearest(lists[key], i, articles, cap, scratch.Nearest))
                {
                    if (scores[other] == 0)
                    {
                        scored.Add(other);
                    }

                    scores[other] += weight;
                }
            }

            // Slugs are unique, so this order has no ties and sorting needs no stability (nor a particular order before it).
            foreach (var other in scored)
            {
                if (!chosen.Contains(other))
                {
                    candidates.Add((other, scores[other], (articles[other].Date - article.Date).Duration()));
                }

                scores[other] = 0;
            }

            candidates.Sort((a, b) =>
                b.Score != a.Score ? b.Score.CompareTo(a.Score)
                : a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
                : string.CompareOrdinal(articles[a.Index].Slug, articles[b.Index].Slug));
            for (var c = 0; c < candidates.Count && chosen.Count < count; c++)
            {
                chosen.Add(candidates[c].Index);
            }

            scored.Clear();
            candidates.Clear();
            chosenFor[i] = [.. chosen];
        }, finish: null, CancellationToken.None);

        return chosenFor;
    }

    /// <summary>Lists of positions (from <see cref="ComputeIndices"/>) as lists of articles, by article.</summary>
    public static Dictionary<Article, IReadOnlyList<Article>> ToArticles(IReadOnlyList<Article> articles, int[][] indices)
    {
        var related = new Dictionary<Article, IReadOnlyList<Article>>(articles.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Count; i++)
        {
            var list = new Article[indices[i].Length];
            for (var j = 0; j < list.Length; j++)
            {
                list[j] = articles[indices[i][j]];
            }

            related[articles[i]] = list;
        }

        return related;
    }

    private static Dictionary<string, int> IndexBySlug(IReadOnlyList<Article> articles)
    {
        var bySlug = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            bySlug.TryAdd(articles[i].Slug, i);
        }

        return bySlug;
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

    /// <summary>Up to <paramref name="cap"/> members of the list closest in date to the article at <paramref name="self"/>, itself excluded, put in <paramref name="result"/> (emptied first).</summary>
    private static List<int> Nearest(List<int> list, int self, IReadOnlyList<Article> articles, int cap, List<int> result)
    {
        var at = list.BinarySearch(self);
        var left = at - 1;
        var right = at + 1;
        var date = articles[self].Date;
        result.Clear();
        while (result.Count < cap && (left >= 0 || right < list.Count))
        {
            var takeLeft = right >= list.Count || (left >= 0 && (articles[list[left]].Date - date).Duration() <= (articles[list[right]].Date - date).Duration());
            result.Add(takeLeft ? list[left--] : list[right++]);
        }

        return result;
    }

    /// <summary>
    /// One worker's scores of the other articles, kept from article to article: a score per article, zero again once read, and
    /// which were scored, and the nearest articles of one key (instead of new dictionaries and lists per article, 60 MB at 10,000 articles).
    /// </summary>
    private sealed class ScoreScratch(int articles)
    {
        public int[] Scores { get; } = new int[articles];

        public List<int> Scored { get; } = [];

        public List<int> Nearest { get; } = [];

        public List<(int Index, int Score, TimeSpan Distance)> Candidates { get; } = [];
    }
}
