using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

public sealed class CorrectionTests
{
    private const string Corrected = """
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-03-19 10:00
        updated: 2026-03-20 08:00
        author: jane-doe
        category: world
        corrections:
          - date: 2026-03-22 09:15
            note: An earlier version gave the wrong venue.
          - date: 2026-03-21
            type: update
            note: Adds the minister's statement <in full>.
        ---
        Text.
        """;

    // The theme's article.html is owned elsewhere; this override shows the partial where the default theme will include it.
    private const string ArticleWithCorrections = """
        -- templates/article.html --
        <article><h1>{{ page.article.title }}</h1>
        {{ include 'partials/corrections.html' }}
        {{ page.article.body }}</article>
        """;

    [Fact]
    public async Task Corrections_reach_the_model_oldest_first_with_their_kind()
    {
        using var site = TempSite.Create(Corrected);

        var result = await site.CheckAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var article = result.Model!.Site.Articles.Single();
        Assert.Equal(
            [
                new Correction(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), "Adds the minister's statement <in full>.", CorrectionKind.Update),
                new Correction(new DateTimeOffset(2026, 3, 22, 9, 15, 0, TimeSpan.Zero), "An earlier version gave the wrong venue.", CorrectionKind.Correction),
            ],
            article.Corrections);
        Assert.DoesNotContain("corrections", article.Extras.Keys);
    }

    [Fact]
    public async Task The_latest_correction_sets_date_modified()
    {
        using var site = TempSite.Create(Corrected);

        var result = await site.BuildAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 22, 9, 15, 0, TimeSpan.Zero), result.Model!.Site.Articles.Single().LastModified);
        using var json = JsonLdTests.ParseJsonLd(site.ReadOutput("talks/index.html"));
        Assert.Equal("2026-03-22T09:15:00+00:00", JsonLdTests.Node(json, "NewsArticle").GetProperty("dateModified").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 22, 9, 15, 0, TimeSpan.Zero), PublishedFeeds.Load(result, "atom.xml").Items.Single().LastUpdatedTime);
    }

    [Fact]
    public async Task The_corrections_partial_renders_a_visible_block_with_each_kind()
    {
        using var site = TempSite.Create(Corrected + "\n" + ArticleWithCorrections);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var html = site.ReadOutput("talks/index.html");
        Assert.Contains("<aside class=\"corrections\" aria-label=\"Corrections and updates\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"correction correction-update\"><strong>Update</strong> <time datetime=\"2026-03-21T00:00:00+00:00\">21 March 2026</time>: Adds the minister&#39;s statement &lt;in full&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"correction correction-correction\"><strong>Correction</strong> <time datetime=\"2026-03-22T09:15:00+00:00\">22 March 2026</time>: An earlier version gave the wrong venue.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_corrections_the_partial_renders_nothing()
    {
        using var site = TempSite.Create(Corrected.Replace("corrections:", "old_corrections:", StringComparison.Ordinal) + "\n" + ArticleWithCorrections);

        await site.BuildAsync();

        Assert.DoesNotContain("class=\"corrections\"", site.ReadOutput("talks/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_correction_type_is_an_error_at_its_value()
    {
        using var site = TempSite.Create(Corrected.Replace("type: update", "type: retraction", StringComparison.Ordinal));

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.CorrectionTypeUnknown, "articles/talks.md", 11, 11);
    }

    [Fact]
    public async Task A_correction_without_a_note_is_an_error()
    {
        using var site = TempSite.Create(Corrected.Replace("    note: An earlier version gave the wrong venue.\n", string.Empty, StringComparison.Ordinal));

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FieldRequired, "articles/talks.md", 8, 5);
    }

    [Fact]
    public async Task A_correction_with_a_bad_date_is_an_error_at_the_date()
    {
        using var site = TempSite.Create(Corrected.Replace("2026-03-22 09:15", "22/03/2026", StringComparison.Ordinal));

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.DateInvalid, "articles/talks.md", 8, 11);
    }

    [Fact]
    public async Task An_unknown_key_in_a_correction_is_a_warning()
    {
        using var site = TempSite.Create(Corrected.Replace("    note: An earlier", "    by: desk\n    note: An earlier", StringComparison.Ordinal));

        var result = await site.CheckAsync();

        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.CorrectionKeyUnknown, "articles/talks.md", 9, 9);
        Assert.False(diagnostic.IsError);
    }

    [Fact]
    public async Task A_correction_dated_before_the_article_is_a_warning()
    {
        using var site = TempSite.Create(Corrected.Replace("2026-03-21\n", "2026-03-01\n", StringComparison.Ordinal));

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.CorrectionBeforeArticle, "articles/talks.md", 10, 11);
    }

    [Fact]
    public async Task Corrections_that_are_not_a_list_are_an_error()
    {
        using var site = TempSite.Create("""
            -- articles/talks.md --
            ---
            title: Talks resume
            date: 2026-03-19 10:00
            author: jane-doe
            category: world
            corrections: fixed a typo
            ---
            Text.
            """);

        var result = await site.CheckAsync();

        DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.FieldWrongType, "articles/talks.md", 6, 14);
    }
}
