using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>Cuts a list into pages of a fixed size. An empty list still gets one (empty) page, so every listing exists.</summary>
internal static class Paginator
{
    /// <summary>How many page numbers the pager shows on each side of the current one (plus the first and the last).</summary>
    public const int PagerWindow = 2;

    public static IEnumerable<(IReadOnlyList<T> Items, Pager Pager)> Paginate<T>(IReadOnlyList<T> items, int pageSize, string firstUrl)
    {
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        for (var number = 1; number <= pageCount; number++)
        {
            var start = (number - 1) * pageSize;
            var count = Math.Min(pageSize, items.Count - start);
            var slice = new T[Math.Max(count, 0)];
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] = items[start + i];
            }

            yield return (slice, CreatePager(number, pageCount, items.Count, firstUrl));
        }
    }

    public static Pager CreatePager(int number, int pageCount, int totalItems, string firstUrl)
    {
        var links = new List<PagerLink>(Math.Min(pageCount, (2 * PagerWindow) + 3));
        for (var i = 1; i <= pageCount; i++)
        {
            if (i == 1 || i == pageCount || Math.Abs(i - number) <= PagerWindow)
            {
                links.Add(new PagerLink(i, UrlBuilder.Paged(firstUrl, i), i == number));
            }
            else if (i < number)
            {
                i = number - PagerWindow - 1;
            }
            else
            {
                i = pageCount - 1;
            }
        }

        return new Pager
        {
            PageNumber = number,
            PageCount = pageCount,
            TotalItems = totalItems,
            FirstUrl = firstUrl,
            PreviousUrl = number > 1 ? UrlBuilder.Paged(firstUrl, number - 1) : null,
            NextUrl = number < pageCount ? UrlBuilder.Paged(firstUrl, number + 1) : null,
            Pages = links,
        };
    }
}
