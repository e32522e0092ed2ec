namespace StaticNews.Model;

/// <summary>One output page and everything its template may show. Members not relevant to a kind are null or empty.</summary>
public sealed record Page
{
    public required PageKind Kind { get; init; }

    /// <summary>The page's URL path, base path included, e.g. /news/some-slug/.</summary>
    public required string Url { get; init; }

    /// <summary>Where the page is written, relative to the output folder, with '/' separators.</summary>
    public required string OutputPath { get; init; }

    public required string Title { get; init; }
    public string Description { get; init; } = string.Empty;
    public IReadOnlyList<Link> Breadcrumb { get; init; } = [];

    public Article? Article { get; init; }
    public Author? Author { get; init; }
    public Category? Category { get; init; }
    public Tag? Tag { get; init; }

    /// <summary>The articles listed on this page (one pager page's worth).</summary>
    public IReadOnlyList<Article> Articles { get; init; } = [];
    public Pager? Pager { get; init; }

    public IReadOnlyList<Article> Related { get; init; } = [];

    /// <summary>On a category page: the most read articles of the category and its subcategories.</summary>
    public IReadOnlyList<Article> MostRead { get; init; } = [];
    public Article? Previous { get; init; }
    public Article? Next { get; init; }

    public int? Year { get; init; }
    public int? Month { get; init; }
}
