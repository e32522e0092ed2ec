using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>What a page read of articles, as the renderer notes it: a partial's reads are whole, so a page reusing its output depends on them too.</summary>
public sealed class ArticleReadLogTests
{
    private static Article ArticleAt(string path) =>
        new() { SourcePath = path, Slug = Path.GetFileNameWithoutExtension(path), Title = path, Date = DateTimeOffset.UnixEpoch, Url = "/" + path + "/" };

    [Fact]
    public void An_article_read_just_before_a_partial_starts_is_among_the_partials_reads()
    {
        var (a, b) = (ArticleAt("articles/a.md"), ArticleAt("articles/b.md"));
        var log = new ArticleReadLog();
        log.Note(a);
        log.NoteBody(b);

        var mark = log.Mark();
        log.Note(b);
        log.Note(b);
        var inner = log.Mark();
        log.NoteBody(b);
        var (innerArticles, innerBodies) = log.Since(inner);
        var (articles, bodies) = log.Since(mark);

        Assert.Equal([b], innerArticles.Distinct());
        Assert.Equal([b], innerBodies.Distinct());
        Assert.Equal([b], articles.Distinct());
        Assert.Equal([b], bodies.Distinct());
    }

    [Fact]
    public void A_pages_reads_are_each_article_once_in_ordinal_order_its_bodies_apart()
    {
        var (a, b, c) = (ArticleAt("articles/a.md"), ArticleAt("articles/b.md"), ArticleAt("articles/c.md"));
        var log = new ArticleReadLog();
        log.Note(c);
        log.NoteBody(a);
        log.Note(c);
        log.Add([b, c], [c]);

        var reads = log.ToPageReads();

        Assert.Equal(["articles/a.md", "articles/b.md", "articles/c.md"], reads.Articles);
        Assert.Equal(["articles/a.md", "articles/c.md"], reads.Bodies);
        log.Clear();
        Assert.Empty(log.ToPageReads().Articles);
    }
}
