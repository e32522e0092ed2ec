using StaticNews.Tests.Infrastructure;

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
}
