namespace StaticNews.Model;

/// <summary>Where a listing page stands among its siblings. Page 1 has no '/page/N/' suffix.</summary>
public sealed record Pager
{
    /// <summary>How many page numbers <see cref="Pages"/> holds on each side of the current one (besides the first and the last).</summary>
    public const int Window = 2;

    public required int PageNumber { get; init; }
    public required int PageCount { get; init; }
    public required int TotalItems { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public required string FirstUrl { get; init; }

    /// <summary>
    /// The pages to link to: the first, the last and <see cref="Window"/> either side of this one. Made when read, from the URLs
    /// the listing's pagers share: a build reads it only on the pages it renders (an edit, one listing page in a thousand).
    /// </summary>
    public IReadOnlyList<PagerLink> Pages => LinksOf(PageNumber, PageUrls);

    /// <summary>Each page's URL of the listing at its number (1 to <see cref="PageCount"/>), shared by the listing's pagers.</summary>
    internal IReadOnlyList<string> PageUrls { get; init; } = [];

    public bool HasPrevious => PreviousUrl is not null;
    public bool HasNext => NextUrl is not null;

    private static List<PagerLink> LinksOf(int number, IReadOnlyList<string> urls)
    {
        var pageCount = urls.Count - 1;
        var links = new List<PagerLink>(Math.Max(0, Math.Min(pageCount, (2 * Window) + 3)));
        for (var i = 1; i <= pageCount; i++)
        {
            if (i == 1 || i == pageCount || Math.Abs(i - number) <= Window)
            {
                links.Add(new PagerLink(i, urls[i], i == number));
            }
            else if (i < number)
            {
                i = number - Window - 1;
            }
            else
            {
                i = pageCount - 1;
            }
        }

        return links;
    }
}
