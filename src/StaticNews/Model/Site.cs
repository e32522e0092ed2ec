namespace StaticNews.Model;

/// <summary>The whole site as templates see it: site-wide lists, computed once per build.</summary>
public sealed record Site
{
    public required SiteConfig Config { get; init; }

    /// <summary>Published articles, newest first.</summary>
    public required IReadOnlyList<Article> Articles { get; init; }
    public required IReadOnlyList<Author> Authors { get; init; }

    /// <summary>The roots of the category tree, in the order of categories.yml.</summary>
    public required IReadOnlyList<Category> Categories { get; init; }
    public required IReadOnlyList<TagCount> Tags { get; init; }
    /// <summary>The <see cref="SiteConfig.PopularCount"/> most read, most read first: from the analytics CSV, else data/popular.yml.</summary>
    public required IReadOnlyList<Article> Popular { get; init; }
    public required IReadOnlyList<ArchiveMonth> ArchiveMonths { get; init; }

    /// <summary>Every year with articles, newest first, each with a twelve-month grid.</summary>
    public IReadOnlyList<ArchiveYear> ArchiveYears { get; init; } = [];

    /// <summary>Articles flagged 'breaking' and younger than breaking_hours at build time, newest first.</summary>
    public IReadOnlyList<Article> Breaking { get; init; } = [];

    /// <summary>Each top category that has articles, in tree order, with its newest articles (children's included).</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    public string Title => Config.Title;
    public string Url => Config.BasePath;
}
