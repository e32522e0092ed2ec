using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class PageMetadataTests
{
    private const string Articles = """
        -- site.yml --
        title: Test Gazette
        description: A site for tests.
        base_url: https://example.org/news/
        language: en
        time_zone: Europe/London
        short_name: TG
        logo: /images/logo.svg
        -- articles/with-image.md --
        ---
        title: Talks resume
        date: 2026-03-19 10:00
        author: jane-doe
        category: world/diplomacy
        tags: [Talks]
        summary: Delegations met again.
        image: /images/talks.png
        image_alt: Delegates "at" a table
        ---
        Text.
        -- articles/no-image.md --
        ---
        title: Plain story
        date: 2026-03-18
        author: jane-doe
        category: culture
        ---
        Text.
        """;

    [Fact]
    public async Task An_article_with_an_image_has_open_graph_and_twitter_tags_with_the_image_and_its_alt()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        var html = site.ReadOutput("with-image/index.html");
        Assert.Contains("<meta name=\"description\" content=\"Delegations met again.\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/news/with-image/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"Talks resume\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"https://example.org/news/with-image/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"https://example.org/news/images/talks.png\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image:alt\" content=\"Delegates &quot;at&quot; a table\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"article:published_time\" content=\"2026-03-19T10:00:00+00:00\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:image:alt\" content=\"Delegates &quot;at&quot; a table\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_without_an_image_shows_the_site_logo()
    {
        using var site = TempSite.Create(Articles);

        await site.BuildAsync();

        var article = site.ReadOutput("no-image/index.html");
        Assert.Contains("<meta property=\"og:image\" content=\"https://example.org/news/images/logo.svg\">", article, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image:alt\" content=\"Test Gazette\">", article, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", article, StringComparison.Ordinal);
        var home = site.ReadOutput("index.html");
        Assert.Contains("<meta property=\"og:type\" content=\"website\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"https://example.org/news/images/logo.svg\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_has_lang_a_description_and_a_canonical_url()
    {
        using var site = TempSite.Create(Articles);

        var result = await site.BuildAsync();

        foreach (var page in result.Model!.Pages)
        {
            var html = site.ReadOutput(page.OutputPath);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta name=\"description\" content=\"", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"canonical\" href=\"https://example.org" + page.Url + "\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta property=\"og:url\" content=\"https://example.org" + page.Url + "\">", html, StringComparison.Ordinal);
        }
    }
}
