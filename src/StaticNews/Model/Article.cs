using System.Collections.ObjectModel;

namespace StaticNews.Model;

/// <summary>A published article. It points to its authors, category and tags; lists of articles live on pages.</summary>
public sealed record Article
{
    public required string SourcePath { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Date { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the article leaves listings, feeds and sitemaps (front matter 'expires').</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>True when <see cref="Expires"/> has passed at build time: the article is in no listing, feed or sitemap; its own page stays unless site.yml says 'expired_pages: remove'.</summary>
    public bool Expired { get; init; }
    public IReadOnlyList<Author> Authors { get; init; } = [];
    public Category? Category { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public string? Location { get; init; }

    /// <summary>"City, 19 March 2024 (TMC):", also rendered at the start of the body's first paragraph.</summary>
    public string? Dateline { get; init; }

    public Image? Image { get; init; }
    public bool Draft { get; init; }

    /// <summary>Front matter 'breaking: true': the home page shows a banner while the article is younger than breaking_hours.</summary>
    public bool Breaking { get; init; }
    public required string Url { get; init; }
    public TrustedHtml Body { get; init; } = TrustedHtml.Empty;
    public int WordCount { get; init; }
    public int ReadingMinutes { get; init; }

    /// <summary>Front matter keys StaticNews does not know, passed to templates as they were written.</summary>
    public IReadOnlyDictionary<string, object?> Extras { get; init; } = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>Corrections and updates from front matter, oldest first.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>The latest of the date, 'updated' and the corrections' dates: the article's dateModified.</summary>
    public DateTimeOffset LastModified
    {
        get
        {
            var last = Updated is { } updated && updated > Date ? updated : Date;
            foreach (var correction in Corrections)
            {
                if (correction.Date > last)
                {
                    last = correction.Date;
                }
            }

            return last;
        }
    }
}
