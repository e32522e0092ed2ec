using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>What a page read of articles, as the renderer notes it: a partial's reads are whole, so a page reusing its output depends on them too.</summary>
public sealed class ArticleReadLogTests
{
    private static Article ArticleAt(string path, params Author[] authors) =>
        new() { SourcePath = path, Slug = Path.GetFileNameWithoutExtension(path), Title = path, Date = DateTimeOffset.UnixEpoch, Url = "/" + path + "/", Authors = authors };

    private static Author AuthorOf(string id) => new() { Id = id, Name = id, Url = "/author/" + id + "/", SourcePath = "authors/" + id + ".md" };

    private static Site SiteOf(IReadOnlyList<Article> articles, IReadOnlyList<Author> authors) => new()
    {
        Config = new SiteConfig { Title = "T", BaseUrl = "https://example.org/", BasePath = "/", Language = "en", Culture = System.Globalization.CultureInfo.InvariantCulture, TimeZone = TimeZoneInfo.Utc, ShortName = "T" },
        Articles = articles,
        Authors = authors,
        Categories = [],
        Tags = [],
        Popular = [],
        ArchiveMonths = [],
    };

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
        var (innerArticles, innerBodies, _, _) = log.Since(inner);
        var (articles, bodies, _, _) = log.Since(mark);

        Assert.Equal([b], innerArticles.Distinct());
        Assert.Equal([b], innerBodies.Distinct());
        Assert.Equal([b], articles.Distinct());
        Assert.Equal([b], bodies.Distinct());
    }

    [Fact]
    public void A_list_read_just_before_a_partial_starts_is_among_the_partials_reads()
    {
        var log = new ArticleReadLog();
        log.NoteLists(SiteLists.Tags);
        var mark = log.Mark();
        log.NoteLists(SiteLists.Tags);
        var inner = log.Mark();
        log.NoteLists(SiteLists.Articles);

        Assert.Equal(SiteLists.Articles, log.Since(inner).Lists);
        Assert.Equal(SiteLists.Tags | SiteLists.Articles, log.Since(mark).Lists);
        Assert.Equal(SiteLists.None, log.Since(log.Mark()).Lists);
    }

    [Fact]
    public void A_pages_reads_are_those_its_place_does_not_give_it_each_once_in_ordinal_order_its_bodies_apart()
    {
        var (a, b, c, d, e) = (ArticleAt("articles/a.md"), ArticleAt("articles/b.md"), ArticleAt("articles/c.md"), ArticleAt("articles/d.md"), ArticleAt("articles/e.md"));
        var page = new Page { Kind = PageKind.Article, Url = "/c/", OutputPath = "c/index.html", Title = "c", Article = c, Related = [b] };
        var site = new Site
        {
            Config = new SiteConfig { Title = "T", BaseUrl = "https://example.org/", BasePath = "/", Language = "en", Culture = System.Globalization.CultureInfo.InvariantCulture, TimeZone = TimeZoneInfo.Utc, ShortName = "T" },
            Articles = [a, b, c, d, e],
            Authors = [],
            Categories = [],
            Tags = [],
            Popular = [e],
            ArchiveMonths = [],
        };
        var log = new ArticleReadLog();
        log.Note(c);
        log.NoteBody(a);
        log.Note(b);
        log.NoteBody(c);
        log.Note(e);
        log.Note(a);
        log.Add(new PartialReads([d, c], [b], [], SiteLists.Categories));
        log.NoteLists(SiteLists.Popular);

        var reads = log.ToPageReads(page, site);

        // c is the page's own, b its related, e the site's most read: their front matters are in its fingerprint already.
        Assert.Equal(["articles/a.md", "articles/d.md"], reads.Articles);
        Assert.Equal(["articles/a.md", "articles/b.md"], reads.Bodies);
        Assert.Equal(SiteLists.Categories | SiteLists.Popular, reads.Lists);
        log.Clear();
        Assert.Same(PageReads.None, log.ToPageReads(page, site));
    }

    [Fact]
    public void An_author_read_just_before_a_partial_starts_is_among_the_partials_reads()
    {
        var (jane, omar) = (AuthorOf("jane"), AuthorOf("omar"));
        var log = new ArticleReadLog();
        log.NoteAuthor(jane);
        var mark = log.Mark();
        log.NoteAuthor(jane);
        log.NoteAuthor(omar);

        Assert.Equal([jane, omar], log.Since(mark).Authors);
        Assert.Empty(log.Since(log.Mark()).Authors);
    }

    [Fact]
    public void A_pages_author_reads_are_those_its_place_does_not_give_it_and_none_when_it_read_the_sites_authors()
    {
        var (jane, omar, lena, kai) = (AuthorOf("jane"), AuthorOf("omar"), AuthorOf("lena"), AuthorOf("kai"));
        var (a, b, c) = (ArticleAt("articles/a.md", jane), ArticleAt("articles/b.md", omar), ArticleAt("articles/c.md", lena, kai));
        var page = new Page { Kind = PageKind.Tag, Url = "/tag/t/", OutputPath = "tag/t/index.html", Title = "T", Articles = [a], Related = [b], Previous = c };
        var site = SiteOf([a, b, c], [jane, kai, lena, omar]);
        var log = new ArticleReadLog();
        log.NoteAuthor(omar);
        log.NoteAuthor(jane);
        log.Add(new PartialReads([], [], [lena, kai, omar], SiteLists.None));

        var reads = log.ToPageReads(page, site);

        // jane signs a listed article and omar a related one: their files are in the page's fingerprint already; the
        // neighbour's byline is not.
        Assert.Equal(["kai", "lena"], reads.Authors);
        log.NoteLists(SiteLists.Authors);
        Assert.Empty(log.ToPageReads(page, site).Authors);
    }
}
