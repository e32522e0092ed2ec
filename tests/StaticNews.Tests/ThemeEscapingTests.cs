using System.Net;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Values from content reach the page as text, never as markup, on every page that shows them and in attributes.</summary>
public sealed class ThemeEscapingTests
{
    private const string Title = "<script>alert('title')</script>";
    private const string Summary = "<script>alert('summary')</script>";
    private const string AuthorName = "<script>alert('author')</script>";
    private const string TagName = "<script>alert('tag')</script>";
    private const string CategoryName = "<script>alert('category')</script>";
    private const string ImageAlt = "\"><script>alert('alt')</script>";
    private const string Website = "https://example.com/?q=\"><script>alert('href')</script>";

    private const string HostileSite = """
        -- categories.yml --
        - name: "<script>alert('category')</script>"
          slug: world
          description: "<script>alert('description')</script>"
        -- authors/mallory.md --
        ---
        name: "<script>alert('author')</script>"
        role: "<script>alert('role')</script>"
        website: "https://example.com/?q=\"><script>alert('href')</script>"
        avatar: /images/a.svg
        ---
        A bio.
        -- articles/hostile.md --
        ---
        title: "<script>alert('title')</script>"
        date: 2026-03-19 10:00
        author: mallory
        category: world
        tags: ["<script>alert('tag')</script>"]
        summary: "<script>alert('summary')</script>"
        location: "<script>alert('location')</script>"
        image: /images/hero.svg
        image_alt: "\"><script>alert('alt')</script>"
        image_caption: "<script>alert('caption')</script>"
        note: "<script>alert('extra')</script>"
        ---
        Body text.
        -- static/images/hero.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """;

    private static string Encoded(string text) => WebUtility.HtmlEncode(text);

    private static async Task<(TempSite Site, IReadOnlyDictionary<string, string> Pages)> BuildHostileAsync(string extra = "")
    {
        var site = TempSite.Create(HostileSite + "\n" + extra);
        var result = await site.CheckAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);
        var pages = result.Files
            .Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content.Span), StringComparer.Ordinal);
        return (site, pages);
    }

    [Fact]
    public async Task No_page_contains_a_script_element_from_content()
    {
        var (site, pages) = await BuildHostileAsync();
        using var _ = site;

        Assert.True(pages.Count >= 8, "Expected every page type, got: " + string.Join(", ", pages.Keys));
        foreach (var (path, html) in pages)
        {
            Assert.False(HtmlText.WithoutThemeScripts(path, html).Contains("<script", StringComparison.OrdinalIgnoreCase), $"{path} contains a raw <script>:\n{html}");
        }
    }

    [Theory]
    [InlineData("hostile/index.html")]
    [InlineData("index.html")]
    [InlineData("category/world/index.html")]
    [InlineData("author/mallory/index.html")]
    [InlineData("tag/script-alert-tag-script/index.html")]
    [InlineData("archive/2026/03/index.html")]
    [InlineData("404.html")]
    public async Task The_title_shows_as_text_on_every_page_that_lists_the_article(string path)
    {
        var (site, pages) = await BuildHostileAsync();
        using var _ = site;

        Assert.True(pages.ContainsKey(path), $"No page {path}; pages: {string.Join(", ", pages.Keys)}");
        Assert.Contains(Encoded(Title), pages[path], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hostile/index.html")]
    [InlineData("index.html")]
    [InlineData("category/world/index.html")]
    [InlineData("author/mallory/index.html")]
    [InlineData("tag/script-alert-tag-script/index.html")]
    [InlineData("archive/2026/03/index.html")]
    public async Task The_summary_and_author_name_show_as_text_on_article_and_listing_pages(string path)
    {
        var (site, pages) = await BuildHostileAsync();
        using var _ = site;

        Assert.Contains(Encoded(Summary), pages[path], StringComparison.Ordinal);
        Assert.Contains(Encoded(AuthorName), pages[path], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Category_and_tag_names_show_as_text_in_navigation_and_on_their_pages()
    {
        var (site, pages) = await BuildHostileAsync();
        using var _ = site;

        foreach (var path in new[] { "index.html", "hostile/index.html", "category/world/index.html", "tags/index.html", "archive/index.html" })
        {
            Assert.Contains(Encoded(CategoryName), pages[path], StringComparison.Ordinal);
        }

        foreach (var path in new[] { "hostile/index.html", "tags/index.html", "tag/script-alert-tag-script/index.html" })
        {
            Assert.Contains(Encoded(TagName), pages[path], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Attribute_values_from_front_matter_are_escaped()
    {
        var (site, pages) = await BuildHostileAsync();
        using var _ = site;

        var article = pages["hostile/index.html"];
        Assert.Contains($"alt=\"{Encoded(ImageAlt)}\"", article, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Encoded(Website)}\"", article, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Encoded(Website)}\"", pages["author/mallory/index.html"], StringComparison.Ordinal);
        Assert.Contains(Encoded("<script>alert('caption')</script>"), article, StringComparison.Ordinal);
        Assert.Contains(Encoded("<script>alert('role')</script>"), article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_matter_extras_printed_by_a_template_are_escaped()
    {
        var (site, pages) = await BuildHostileAsync("""
            -- templates/article.html --
            <h1>{{ page.article.title }}</h1>
            <p class="note">{{ page.article.extras.note }}</p>
            """);
        using var _ = site;

        Assert.Contains("<p class=\"note\">" + Encoded("<script>alert('extra')</script>") + "</p>", pages["hostile/index.html"], StringComparison.Ordinal);
    }
}
