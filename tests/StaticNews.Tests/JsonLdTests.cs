using System.Text.Json;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class JsonLdTests
{
    private const string HostileTitle = "He said \"stop\" </script><script>alert(1)</script> & <b>Zürich</b> 東京 — 'quoted'";

    private const string Articles = """
        -- site.yml --
        title: Test Gazette
        description: A site for tests.
        base_url: https://example.org/
        language: en
        time_zone: Europe/London
        short_name: TG
        page_size: 2
        logo: /images/logo.svg
        -- authors/jane-doe.md --
        ---
        name: Jane Doe
        role: Correspondent
        website: https://example.com/jane
        avatar: /images/jane.png
        social:
          - name: X
            url: https://x.com/jane
        ---
        Jane writes.
        -- articles/hostile.md --
        ---
        title: 'He said "stop" </script><script>alert(1)</script> & <b>Zürich</b> 東京 — ''quoted'''
        date: 2026-03-19 10:00
        updated: 2026-03-20 09:00
        authors: [jane-doe]
        category: world/diplomacy
        tags: [Talks, Geneva]
        summary: A summary with </script> inside.
        image: /images/talks.png
        image_alt: Delegates at a table
        ---
        Text.
        -- articles/plain.md --
        ---
        title: Plain story
        date: 2026-03-18
        author: jane-doe
        category: culture
        ---
        Text.
        """;

    [Fact]
    public async Task Json_ld_stays_valid_when_a_title_holds_quotes_a_closing_script_tag_and_non_ascii_text()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var html = site.ReadOutput("hostile/index.html");
        using var json = ParseJsonLd(html);
        var article = Node(json, "NewsArticle");
        Assert.Equal(HostileTitle, article.GetProperty("headline").GetString());
        Assert.Equal("A summary with </script> inside.", article.GetProperty("description").GetString());
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_page_has_a_news_article_with_every_field_search_engines_read()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        using var json = ParseJsonLd(site.ReadOutput("hostile/index.html"));
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        var article = Node(json, "NewsArticle");
        Assert.Equal("2026-03-19T10:00:00+00:00", article.GetProperty("datePublished").GetString());
        Assert.Equal("2026-03-20T09:00:00+00:00", article.GetProperty("dateModified").GetString());
        Assert.Equal("https://example.org/images/talks.png", article.GetProperty("image")[0].GetProperty("url").GetString());
        var author = article.GetProperty("author")[0];
        Assert.Equal(("Person", "Jane Doe", "https://example.org/author/jane-doe/"), (author.GetProperty("@type").GetString(), author.GetProperty("name").GetString(), author.GetProperty("url").GetString()));
        var publisher = article.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Test Gazette", publisher.GetProperty("name").GetString());
        Assert.Equal("https://example.org/images/logo.svg", publisher.GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal("https://example.org/hostile/", article.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Diplomacy", article.GetProperty("articleSection").GetString());
        Assert.Equal(["Talks", "Geneva"], article.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task The_breadcrumb_list_matches_the_visible_breadcrumb_and_ends_with_the_page()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.BuildAsync();

        var page = result.Model!.Pages.Single(p => p.Article?.Slug == "hostile");
        using var json = ParseJsonLd(site.ReadOutput("hostile/index.html"));
        var items = Node(json, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([.. page.Breadcrumb.Select(l => l.Name), HostileTitle], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["Home", "World", "Diplomacy", HostileTitle], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.GetProperty("position").GetInt32()));
        Assert.Equal("https://example.org/category/world/", items[1].GetProperty("item").GetString());
        Assert.Equal("https://example.org/hostile/", items[3].GetProperty("item").GetString());
    }

    [Fact]
    public async Task An_author_page_is_a_profile_page_about_a_person()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        using var json = ParseJsonLd(site.ReadOutput("author/jane-doe/index.html"));
        var profile = Node(json, "ProfilePage");
        var person = profile.GetProperty("mainEntity");
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Jane Doe", person.GetProperty("name").GetString());
        Assert.Equal("Correspondent", person.GetProperty("jobTitle").GetString());
        Assert.Equal("https://example.org/images/jane.png", person.GetProperty("image").GetString());
        Assert.Equal(["https://example.com/jane", "https://x.com/jane"], person.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("category/world/index.html")]
    [InlineData("tag/talks/index.html")]
    [InlineData("tags/index.html")]
    [InlineData("archive/index.html")]
    [InlineData("archive/2026/03/index.html")]
    public async Task Listings_are_collection_pages(string path)
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        using var json = ParseJsonLd(site.ReadOutput(path));
        Assert.Equal("https://example.org/" + path[..^"index.html".Length], Node(json, "CollectionPage").GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Object, Node(json, "BreadcrumbList").ValueKind);
    }

    [Fact]
    public async Task The_home_page_describes_the_website()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        using var json = ParseJsonLd(site.ReadOutput("index.html"));
        var website = Node(json, "WebSite");
        Assert.Equal("Test Gazette", website.GetProperty("name").GetString());
        Assert.Equal("https://example.org/", website.GetProperty("url").GetString());
        Assert.Equal("en", website.GetProperty("inLanguage").GetString());
    }

    [Fact]
    public async Task The_404_page_has_no_json_ld()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        Assert.DoesNotContain("application/ld+json", site.ReadOutput("404.html"), StringComparison.Ordinal);
    }

    /// <summary>Takes the script element's text the way a browser does (up to the first "&lt;/script"), then parses it.</summary>
    internal static JsonDocument ParseJsonLd(string html)
    {
        const string Open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no JSON-LD script.");
        start += Open.Length;
        var end = html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase);
        return JsonDocument.Parse(html[start..end]);
    }

    internal static JsonElement Node(JsonDocument json, string type)
    {
        var nodes = json.RootElement.GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").GetString() == type).ToList();
        Assert.True(nodes.Count == 1, $"Expected one {type} node in {json.RootElement}");
        return nodes[0];
    }
}
