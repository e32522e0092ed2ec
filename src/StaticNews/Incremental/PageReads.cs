namespace StaticNews.Incremental;

/// <summary>
/// What a page's render read that its fingerprint does not take otherwise: as source paths in ordinal order, the articles
/// any member of which it read or printed (a title, a date, a tag, through its template or a partial) beyond those its
/// place in the site gives it (<see cref="PageArticles"/>), and the articles whose body, word count or reading time it
/// read, its own article's apart; by id in ordinal order, the authors any member of whom it read beyond those its place
/// gives it (<see cref="PageAuthors"/>; none when it read the site's list of authors, which takes every author's file);
/// and the site's lists it read. With the site-wide inputs, its place in the site's lists and those articles' front
/// matter, a page depends on the front matter of <see cref="Articles"/>, on <see cref="Bodies"/>, on the files of
/// <see cref="Authors"/> and on <see cref="Lists"/>, and on nothing else of any article, author or list.
/// </summary>
internal sealed record PageReads(string[] Articles, string[] Bodies, string[] Authors, SiteLists Lists)
{
    public static PageReads None { get; } = new([], [], [], SiteLists.None);
}
