using StaticNews.Tests.Infrastructure;
using static StaticNews.Tests.Infrastructure.IncrementalChecks;

namespace StaticNews.Tests;

public sealed class StaticFileTests
{
    [Fact]
    public async Task A_static_file_without_an_extension_such_as_CNAME_is_copied()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            ---
            -- static/CNAME --
            news.example.org
            """);

        var result = await site.BuildAsync();

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Equal("news.example.org\n", site.ReadOutput("CNAME"));
    }

    [Fact]
    public async Task A_static_file_added_replaced_or_removed_renders_no_page_again()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: A
            date: 2024-01-01
            author: jane-doe
            category: world
            image: /images/harbour.jpg
            ---
            Text.
            -- static/images/harbour.jpg --
            first photograph
            """);
        await site.BuildAsync();

        site.Write("static/images/port.jpg", "second photograph");
        var added = await site.BuildAsync();
        site.Write("static/images/harbour.jpg", "first photograph, retouched");
        var replaced = await site.BuildAsync();
        Assert.Equal("first photograph, retouched", site.ReadOutput("images/harbour.jpg"));
        site.Delete("static/images/port.jpg");
        var removed = await site.BuildAsync();

        Assert.All([added, replaced, removed], result => DiagnosticAssert.NoErrors(result.Diagnostics));
        Assert.Equal([0, 0, 0], [added.PagesRendered, replaced.PagesRendered, removed.PagesRendered]);
        Assert.False(site.OutputExists("images/port.jpg"));
        await AssertSameAsColdBuildAsync(site);
    }
}
