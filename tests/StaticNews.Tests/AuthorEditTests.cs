using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

/// <summary>
/// A change to an author's file (a bio, a role, a new photo) renders again only the pages that show that author: their own
/// pages and the pages showing one of their articles, or every page whose template lists the site's authors; and gives what
/// a cold build gives.
/// </summary>
public sealed class AuthorEditTests
{
    private const string Site = """
        -- authors/omar-haddad.md --
        ---
        name: Omar Haddad
        role: Trade reporter
        ---
        Omar covers **ports** and tariffs.
        -- articles/a.md --
        ---
        title: Alpha talks
        date: 2026-03-01 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [talks]
        ---
        Alpha body.
        -- articles/b.md --
        ---
        title: Beta trade
        date: 2026-03-02 10:00
        author: omar-haddad
        category: world/trade
        tags: [trade]
        ---
        Beta body.
        -- articles/c.md --
        ---
        title: Gamma culture
        date: 2026-03-03 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Gamma body.
        -- articles/d.md --
        ---
        title: Delta culture
        date: 2026-03-04 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Delta body.
        -- articles/e.md --
        ---
        title: Epsilon culture
        date: 2026-03-05 10:00
        author: jane-doe
        category: culture
        tags: [arts]
        ---
        Epsilon body.
        """;

    private const string Omar = "---\nname: Omar Haddad\nrole: Trade reporter\n---\nOmar covers **ports** and tariffs.\n";

    [Fact]
    public async Task An_authors_bio_edited_renders_again_only_their_pages_and_the_pages_showing_their_articles()
    {
        using var site = TempSite.Create(Site);
        var first = await site.BuildAsync();
        var janePage = site.ReadOutput("author/jane-doe/index.html");
        site.Write("authors/omar-haddad.md", Omar.Replace("ports** and tariffs", "ports**, tariffs and shipping", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        // Omar's page, his article's page (its author box) and the pages listing or neighbouring it: not Jane's culture pages.
        Assert.InRange(result.PagesRendered, 2, first.PagesRendered / 2);
        Assert.Contains("tariffs and shipping", site.ReadOutput("author/omar-haddad/index.html"), StringComparison.Ordinal);
        Assert.Contains("tariffs and shipping", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        Assert.Equal(janePage, site.ReadOutput("author/jane-doe/index.html"));
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_author_renamed_renders_again_every_listing_showing_their_byline_and_their_feeds()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        site.Write("authors/omar-haddad.md", Omar.Replace("name: Omar Haddad", "name: Omar Al-Haddad", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Omar Al-Haddad", site.ReadOutput("category/world/trade/index.html"), StringComparison.Ordinal);
        Assert.Contains("Omar Al-Haddad", site.ReadOutput("rss.xml"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_author_listed_on_every_page_through_the_sites_authors_renders_every_page_again()
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/partials/footer.html", "<footer>{{ for author in site.authors }}{{ author.name }} ({{ author.role }}) {{ end }}</footer>\n");
        var first = await site.BuildAsync();
        site.Write("authors/omar-haddad.md", Omar.Replace("role: Trade reporter", "role: Trade editor", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        Assert.Equal(first.PagesRendered, result.PagesRendered);
        Assert.Contains("Omar Haddad (Trade editor)", site.ReadOutput("e/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_author_added_renders_their_page_and_not_every_other_page()
    {
        using var site = TempSite.Create(Site);
        var first = await site.BuildAsync();
        site.Write("authors/lena-park.md", "---\nname: Lena Park\nrole: Culture critic\n---\nLena reviews exhibitions.\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.InRange(result.PagesRendered, 1, first.PagesRendered / 2);
        Assert.Contains("Lena reviews exhibitions.", site.ReadOutput("author/lena-park/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);

        // Her page shows no article: it depends on her file itself.
        site.Write("authors/lena-park.md", "---\nname: Lena Park\nrole: Culture critic\n---\nLena reviews exhibitions and films.\n");
        await site.BuildAsync();
        Assert.Contains("exhibitions and films", site.ReadOutput("author/lena-park/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    [Fact]
    public async Task An_article_given_to_a_new_author_shows_them_wherever_it_is_shown()
    {
        using var site = TempSite.Create(Site);
        await site.BuildAsync();
        site.Write("authors/lena-park.md", "---\nname: Lena Park\n---\nLena reviews exhibitions.\n");
        site.Write("articles/e.md", "---\ntitle: Epsilon culture\ndate: 2026-03-05 10:00\nauthors: [jane-doe, lena-park]\ncategory: culture\ntags: [arts]\n---\nEpsilon body.\n");

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("Lena Park", site.ReadOutput("tag/arts/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);

        // Then the second author's bio alone: the article's byline is both authors' files.
        site.Write("authors/lena-park.md", "---\nname: Lena Park\n---\nLena reviews exhibitions and films.\n");
        await site.BuildAsync();
        Assert.Contains("exhibitions and films", site.ReadOutput("e/index.html"), StringComparison.Ordinal);
        await AssertSameAsColdBuildAsync(site);
    }

    /// <summary>
    /// Ways a theme shows an author other than through its own or a listed article. Each is the only way the page (a tag page
    /// listing only Jane's articles) shows Omar, and must make it depend on his file: his reads are stored with the page's.
    /// </summary>
    [Theory]
    [InlineData("{{ for author in site.authors }}{{ author.bio }}{{ end }}")]
    [InlineData("{{ site.authors | array.map 'role' | array.join ', ' }}")]
    [InlineData("{{ site.authors | object.to_json }}")]
    [InlineData("{{ for article in site.articles }}{{ if article.title == 'Beta trade' }}{{ article.authors[0].bio }}{{ end }}{{ end }}")]
    [InlineData("{{ site.articles[3].authors | array.first | object.values | array.join ' ' }}")]
    [InlineData("{{ site.articles[3].authors[0] }}")]
    [InlineData("{{ for article in site.articles }}{{ if article.title == 'Beta trade' }}{{ for author in article.authors }}{{ include 'partials/author-box.html' }}{{ end }}{{ end }}{{ end }}")]
    public async Task A_page_showing_an_author_however_its_template_reaches_them_is_rendered_again_when_their_file_changes(string shown)
    {
        using var site = TempSite.Create(Site);
        site.Write("templates/tag.html", "<pre class=\"shown\">" + shown + "</pre>\n");
        await site.BuildAsync();
        var before = site.ReadOutput("tag/arts/index.html");
        site.Write("authors/omar-haddad.md", Omar.Replace("role: Trade reporter", "role: Trade editor", StringComparison.Ordinal).Replace("and tariffs", "and customs", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.NotEqual(before, site.ReadOutput("tag/arts/index.html"));
        await AssertSameAsColdBuildAsync(site);
    }
}
