using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>Which template renders which kind of page.</summary>
public static class PageTemplates
{
    public const string Layout = "layout.html";

    public static string For(PageKind kind) => kind switch
    {
        PageKind.Home => "home.html",
        PageKind.Article => "article.html",
        PageKind.Category => "category.html",
        PageKind.Author => "author.html",
        PageKind.Tag => "tag.html",
        PageKind.TagIndex => "tags.html",
        PageKind.Archive => "archive.html",
        PageKind.NotFound => "404.html",
        PageKind.Latest => "latest.html",
        PageKind.Search => "search.html",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IReadOnlyList<string> Required { get; } =
        [Layout, .. Enum.GetValues<PageKind>().Select(For)];
}
