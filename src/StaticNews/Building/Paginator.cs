using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>Cuts a list into pages of a fixed size. An empty list still gets one (empty) page, so every listing exists.</summary>
internal static class Paginator
{
    /// <summary>
    /// The pages of <paramref name="items"/>: each page's items, its pager and its URL. A listing's page URLs are made once
    /// and shared by its pagers (10,000 articles make 10,000 listing pages, each pager linking up to seven of them when rendered).
    /// </summary>
    public static IEnumerable<(IReadOnlyList<T> Items, Pager Pager, string Url)> Paginate<T>(IReadOnlyList<T> items, int pageSize, string firstUrl)
    {
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var urls = new string[pageCount + 1];
        for (var number = 1; number <= pageCount; number++)
        {
            urls[number] = UrlBuilder.Paged(firstUrl, number);
        }

        for (var number = 1; number <= pageCount; number++)
        {
            var start = (number - 1) * pageSize;
            var count = Math.Min(pageSize, items.Count - start);
            var slice = new T[Math.Max(count, 0)];
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] = items[start + i];
            }

            yield return (slice, CreatePager(number, items.Count, urls), urls[number]);
        }
    }

    /// <summary>The pager of page <paramref name="number"/>; <paramref name="urls"/> holds each page's URL at its number (1 to the page count).</summary>
    private static Pager CreatePager(int number, int totalItems, string[] urls)
    {
        var pageCount = urls.Length - 1;
        return new Pager
        {
            PageNumber = number,
            PageCount = pageCount,
            TotalItems = totalItems,
            FirstUrl = urls[1],
            PreviousUrl = number > 1 ? urls[number - 1] : null,
            NextUrl = number < pageCount ? urls[number + 1] : null,
            PageUrls = urls,
        };
    }
}
