using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// What the page being rendered has read so far: every article whose member a template read or which it printed, apart
/// those whose body, word count or reading time it read, every author likewise, and the site's lists it read. A read is
/// noted once in a row, never across a <see cref="Mark"/>: what a partial read since its mark is whole, to be carried into
/// the pages that reuse its output.
/// </summary>
internal sealed class ArticleReadLog
{
    private readonly List<Article> _articles = [];
    private readonly List<Article> _bodies = [];
    private readonly List<Author> _authors = [];
    private readonly List<SiteLists> _lists = [];
    private int _articlesFloor;
    private int _bodiesFloor;
    private int _authorsFloor;
    private int _listsFloor;

    /// <summary>Forgets every read, for the next page.</summary>
    public void Clear()
    {
        _articles.Clear();
        _bodies.Clear();
        _authors.Clear();
        _lists.Clear();
        (_articlesFloor, _bodiesFloor, _authorsFloor, _listsFloor) = (0, 0, 0, 0);
    }

    /// <summary>Notes that the site's <paramref name="lists"/> were read.</summary>
    public void NoteLists(SiteLists lists)
    {
        if (lists != SiteLists.None && (_lists.Count == _listsFloor || _lists[^1] != lists))
        {
            _lists.Add(lists);
        }
    }

    /// <summary>Notes that a member of <paramref name="article"/> other than its body's was read.</summary>
    public void Note(Article article)
    {
        if (_articles.Count == _articlesFloor || !ReferenceEquals(_articles[^1], article))
        {
            _articles.Add(article);
        }
    }

    /// <summary>Notes that the body of <paramref name="article"/>, or what is counted from it, was read.</summary>
    public void NoteBody(Article article)
    {
        Note(article);
        if (_bodies.Count == _bodiesFloor || !ReferenceEquals(_bodies[^1], article))
        {
            _bodies.Add(article);
        }
    }

    /// <summary>Notes that a member of <paramref name="author"/> was read, or the author printed.</summary>
    public void NoteAuthor(Author author)
    {
        if (_authors.Count == _authorsFloor || !ReferenceEquals(_authors[^1], author))
        {
            _authors.Add(author);
        }
    }

    /// <summary>Where the reads from now on start: see <see cref="Since"/>.</summary>
    public ReadLogMark Mark()
    {
        (_articlesFloor, _bodiesFloor, _authorsFloor, _listsFloor) = (_articles.Count, _bodies.Count, _authors.Count, _lists.Count);
        return new ReadLogMark(_articlesFloor, _bodiesFloor, _authorsFloor, _listsFloor);
    }

    /// <summary>The reads since <paramref name="mark"/>: every article and author read after it is there, once or more, and every list.</summary>
    public PartialReads Since(ReadLogMark mark) =>
        new([.. _articles.Skip(mark.Articles)], [.. _bodies.Skip(mark.Bodies)], [.. _authors.Skip(mark.Authors)], ListsSince(mark.Lists));

    /// <summary>Notes the reads a partial's output was rendered with, as the page reuses it.</summary>
    public void Add(PartialReads reads)
    {
        _articles.AddRange(reads.Articles);
        _bodies.AddRange(reads.Bodies);
        _authors.AddRange(reads.Authors);
        NoteLists(reads.Lists);
    }

    /// <summary>
    /// The reads <paramref name="page"/>'s fingerprint does not take otherwise, by source path in ordinal order, each once:
    /// the articles read that its place in <paramref name="site"/> does not give it (<see cref="PageArticles"/>), and the
    /// bodies read but its own article's; by id, the authors read but those its place gives it (<see cref="PageAuthors"/>),
    /// none when it read the site's list of authors; with the site's lists it read.
    /// </summary>
    public PageReads ToPageReads(Page page, Site site)
    {
        var articles = KeysOf(_articles, static a => a.SourcePath, a => !PageArticles.Holds(page, site, a));
        var bodies = KeysOf(_bodies, static a => a.SourcePath, a => !ReferenceEquals(a, page.Article));
        var lists = ListsSince(0);
        var authors = (lists & SiteLists.Authors) != 0 ? [] : KeysOf(_authors, static a => a.Id, a => !PageAuthors.Holds(page, a));
        return articles.Length == 0 && bodies.Length == 0 && authors.Length == 0 && lists == SiteLists.None
            ? PageReads.None
            : new PageReads(articles, bodies, authors, lists);
    }

    private SiteLists ListsSince(int start)
    {
        var lists = SiteLists.None;
        for (var i = start; i < _lists.Count; i++)
        {
            lists |= _lists[i];
        }

        return lists;
    }

    /// <summary>
    /// The keys of the <paramref name="kept"/> reads, each once, in ordinal order. The set is made only for a read kept: most
    /// pages' reads are all given by their place (a listing's cards read a dozen articles and authors).
    /// </summary>
    private static string[] KeysOf<T>(List<T> reads, Func<T, string> keyOf, Func<T, bool> kept)
    {
        HashSet<string>? keys = null;
        foreach (var read in reads)
        {
            var key = keyOf(read);
            if (keys?.Contains(key) != true && kept(read))
            {
                (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
            }
        }

        return keys is null ? [] : [.. keys.Order(StringComparer.Ordinal)];
    }
}
