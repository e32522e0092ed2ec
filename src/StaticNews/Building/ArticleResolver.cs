using System.Collections.Concurrent;
using System.Globalization;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Text;

namespace StaticNews.Building;

/// <summary>Resolves a draft's references (authors, category, tags, shortcodes) into a finished <see cref="Article"/>.</summary>
internal sealed class ArticleResolver(
    SiteConfig config,
    UrlBuilder urls,
    IReadOnlyDictionary<string, Author> authors,
    IReadOnlyDictionary<string, Category> categories,
    ArticleBodyRenderer bodyRenderer)
{
    private const int WordsPerMinute = 230;

    /// <summary>
    /// Each tag name's tag, made once: a site has hundreds of tags on tens of thousands of articles, and making a slug
    /// (transliterating, folding) costs more than looking it up. Null for a name that gives no slug.
    /// </summary>
    private readonly ConcurrentDictionary<string, Tag?> _tagsByName = ConcurrentTables.Sized<string, Tag?>(1024, StringComparer.Ordinal);

    /// <summary>The article of <paramref name="draft"/> at <paramref name="url"/>, <paramref name="expired"/> when its expiry has passed at build time.</summary>
    /// <returns>The article, and its rendered body for the body cache.</returns>
    public (Article Article, RenderedBody Body) Resolve(ArticleDraft draft, string url, bool expired, DiagnosticBag diagnostics)
    {
        var articleAuthors = new List<Author>(draft.AuthorIds.Count);
        foreach (var (id, location) in draft.AuthorIds)
        {
            if (authors.TryGetValue(id, out var author))
            {
                articleAuthors.Add(author);
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.AuthorUnknown, location, id, ListOf(authors.Keys));
            }
        }

        var category = ResolveCategory(draft, diagnostics);
        var tags = new List<Tag>(draft.Tags.Count);
        foreach (var (name, location) in draft.Tags)
        {
            var tag = _tagsByName.GetOrAdd(name, static (name, urls) => Slug.From(name) is { Length: > 0 } slug ? new Tag(slug, name, urls.Tag(slug)) : null, urls);
            if (tag is null)
            {
                diagnostics.Report(DiagnosticCodes.SlugInvalid, location, name);
            }
            else if (!HasSlug(tags, tag.Slug))
            {
                tags.Add(tag);
            }
        }

        var dateline = Dateline(draft);
        var body = bodyRenderer.Render(draft.Source, dateline);
        foreach (var diagnostic in body.Diagnostics)
        {
            diagnostics.Add(diagnostic.ToDiagnostic());
        }

        var words = body.WordCount;
        var article = new Article
        {
            SourcePath = draft.Path,
            Slug = draft.Slug,
            Title = draft.Title,
            Date = draft.Date,
            Updated = draft.Updated,
            Authors = articleAuthors,
            Category = category,
            Tags = tags,
            Summary = draft.Summary,
            Location = draft.Location,
            Dateline = dateline,
            Image = draft.Image,
            Draft = draft.Draft,
            Breaking = draft.Breaking,
            Corrections = draft.Corrections,
            Url = url,
            Body = body.Html,
            WordCount = words,
            ReadingMinutes = Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute),
            Extras = draft.Extras,
            Expires = draft.Expires,
            Expired = expired,
        };
        return (article, body);
    }

    /// <summary>Whether <paramref name="tags"/> (an article's few) holds one with <paramref name="slug"/>: a loop, where a lambda was a delegate per tag.</summary>
    private static bool HasSlug(List<Tag> tags, string slug)
    {
        foreach (var tag in tags)
        {
            if (tag.Slug == slug)
            {
                return true;
            }
        }

        return false;
    }

    public Category? ResolveCategory(ArticleDraft draft, DiagnosticBag diagnostics)
    {
        if (draft.CategoryPath is not var (path, location))
        {
            return null;
        }

        if (categories.TryGetValue(path, out var category))
        {
            return category;
        }

        diagnostics.Report(DiagnosticCodes.CategoryUnknown, location, path, ListOf(categories.Keys));
        return null;
    }

    private string? Dateline(ArticleDraft draft)
    {
        if (draft.Location is null)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(draft.Date, config.TimeZone);
        var date = SiteDates.Format(local, config.DateFormat, config);
        return string.IsNullOrEmpty(config.ShortName) ? $"{draft.Location}, {date}:" : $"{draft.Location}, {date} ({config.ShortName}):";
    }

    private static string ListOf(IEnumerable<string> keys)
    {
        var sorted = keys.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none defined)" : string.Join(", ", sorted.Take(20)) + (sorted.Count > 20 ? string.Create(CultureInfo.InvariantCulture, $", … ({sorted.Count} in all)") : string.Empty);
    }
}
