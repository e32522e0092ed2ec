namespace StaticNews.Incremental;

/// <summary>
/// What a page's render read of articles, as source paths in ordinal order: every article any member of which it read or
/// printed (<see cref="Articles"/>: a title, a date, a tag, through its template or a partial), and among them those whose
/// body, word count or reading time it read (<see cref="Bodies"/>). Besides the site-wide inputs and its own place in the
/// site's lists, a page depends on those articles' front matter and on those bodies, and on nothing else of any article.
/// </summary>
internal sealed record PageReads(string[] Articles, string[] Bodies)
{
    public static PageReads None { get; } = new([], []);
}
