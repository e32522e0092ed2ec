using System.Globalization;
using StaticNews.Diagnostics;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>Lists every page of the site with the articles each shows. Lists are built once and shared between pages.</summary>
internal static class PageBuilder
{
    /// <summary>How many articles a category page's most-read list holds.</summary>
    public const int MostReadCount = 5;

    /// <summary>
    /// Every page; <c>expired</c> articles keep their own page but appear in no listing. <c>mostRead</c> is the whole ranking
    /// the site's most read are the first of, <c>related</c> comes from <see cref="RelatedArticles"/>.
    /// </summary>
    public static IReadOnlyList<Page> Build(Site site, IReadOnlyList<Article> mostRead, IReadOnlyList<Article> expired, IEnumerable<Category> allCategories, IReadOnlyDictionary<Article, IReadOnlyList<Article>> related, UrlBuilder urls, DiagnosticBag diagnostics)
    {
        var config = site.Config;
        // A page per article and, at ten articles a listing page and about ten listings per article (home, latest, two
        // categories, author, tags, year, month), about as many listing pages again; the margin spares growing the list.
        var pages = new List<Page>((site.Articles.Count * 9 / 4) + expired.Count + 64);
        var byCategory = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byCategoryOwn = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byAuthor = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byTag = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byYear = new Dictionary<int, List<Article>>();
        var byMonth = new Dictionary<(int Year, int Month), List<Article>>();
        var categoriesByPath = allCategories.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var categoryListings = CategoryListings.ByPath(categoriesByPath.Values);
        foreach (var article in site.Articles)
        {
            var month = SiteBuilder.LocalMonth(article.Date, config.TimeZone);
            Append(byYear, month.Year, article);
            Append(byMonth, month, article);
            if (article.Category is { } category)
            {
                Append(byCategoryOwn, category.Path, article);
                foreach (var path in CategoryListings.Of(categoryListings, category))
                {
                    Append(byCategory, path, article);
                }
            }

            // Indexed: foreach over a read-only list makes an enumerator object per article.
            for (var authorIndex = 0; authorIndex < article.Authors.Count; authorIndex++)
            {
                var author = article.Authors[authorIndex];
                Append(byAuthor, author.Id, article);
            }

            for (var tagIndex = 0; tagIndex < article.Tags.Count; tagIndex++)
            {
                var tag = article.Tags[tagIndex];
                Append(byTag, tag.Slug, article);
            }
        }

        var positionInCategory = new Dictionary<Article, int>(site.Articles.Count, ReferenceEqualityComparer.Instance);
        foreach (var list in byCategoryOwn.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                positionInCategory[list[i]] = i;
            }
        }

        // An article's breadcrumb is its category's: built once per category and shared.
        var articles = site.Articles.Concat(expired).ToArray();
        var crumbs = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.Category is { } category && !crumbs.ContainsKey(category.Path))
            {
                crumbs[category.Path] = CategoryCrumbs(category, categoriesByPath, categoryListings, urls, includeSelf: true);
            }
        }

        // Each kind of page is listed on its own, all at once (the article pages in parallel too), then put in one order.
        var home = new List<Page>();
        var articlePages = new Page[articles.Length];
        var categoryPages = new List<Page>();
        var authorPages = new List<Page>();
        var tagPages = new List<Page>();
        var archivePages = new List<Page>();
        var latestPages = new List<Page>();
        ParallelWork.Invoke(
            CancellationToken.None,
            () => ParallelWork.For(articles.Length, i => articlePages[i] = ArticlePage(site, articles[i], urls, crumbs, byCategoryOwn, related, positionInCategory), CancellationToken.None),
            () =>
            {
                foreach (var category in categoriesByPath.Values.OrderBy(c => c.Path, StringComparer.Ordinal))
                {
                    var list = byCategory.GetValueOrDefault(category.Path) ?? [];
                    var description = category.Description.Length > 0 ? category.Description : $"The latest {category.Name} news from {config.Title}.";
                    var categoryMostRead = mostRead.Where(a => a.Category is { } c && (c.Path == category.Path || c.Path.StartsWith(category.Path + "/", StringComparison.Ordinal))).Take(MostReadCount).ToList();
                    AddListing(categoryPages, urls, PageKind.Category, list, category.Url, category.Name, description, config.PageSize, CategoryCrumbs(category, categoriesByPath, categoryListings, urls, includeSelf: false), category: category, mostRead: categoryMostRead);
                }
            },
            () =>
            {
                foreach (var author in site.Authors)
                {
                    var list = byAuthor.GetValueOrDefault(author.Id) ?? [];
                    var description = author.Role is null ? $"Articles by {author.Name}." : $"{author.Name}, {author.Role}.";
                    AddListing(authorPages, urls, PageKind.Author, list, author.Url, author.Name, description, config.PageSize, [new Link("Home", urls.Home)], author: author);
                }
            },
            () =>
            {
                foreach (var tagCount in site.Tags)
                {
                    var list = byTag.GetValueOrDefault(tagCount.Tag.Slug) ?? [];
                    AddListing(tagPages, urls, PageKind.Tag, list, tagCount.Tag.Url, "Tag: " + tagCount.Tag.Name, $"Articles tagged {tagCount.Tag.Name}.", config.PageSize, [new Link("Home", urls.Home), new Link("Tags", urls.TagIndex)], tag: tagCount.Tag);
                }

                tagPages.Add(new Page { Kind = PageKind.TagIndex, Url = urls.TagIndex, OutputPath = urls.OutputPathOf(urls.TagIndex), Title = "Tags", Description = $"Every topic covered by {config.Title}.", Breadcrumb = [new Link("Home", urls.Home)] });
            },
            () =>
            {
                archivePages.Add(new Page { Kind = PageKind.Archive, Url = urls.Archive, OutputPath = urls.OutputPathOf(urls.Archive), Title = "Archive", Description = $"Everything {config.Title} has published, month by month.", Breadcrumb = [new Link("Home", urls.Home)] });
                foreach (var year in site.ArchiveYears)
                {
                    var list = byYear.GetValueOrDefault(year.Year) ?? [];
                    var yearText = year.Year.ToString(CultureInfo.InvariantCulture);
                    AddListing(archivePages, urls, PageKind.Archive, list, year.Url, yearText, $"Articles published in {yearText}.", config.PageSize, [new Link("Home", urls.Home), new Link("Archive", urls.Archive)], year: year.Year);
                }

                foreach (var month in site.ArchiveMonths)
                {
                    var list = byMonth.GetValueOrDefault((month.Year, month.Month)) ?? [];
                    AddListing(archivePages, urls, PageKind.Archive, list, month.Url, month.Name, $"Articles published in {month.Name}.", config.PageSize, [new Link("Home", urls.Home), new Link("Archive", urls.Archive)], year: month.Year, month: month.Month);
                }
            },
            () =>
            {
                AddListing(home, urls, PageKind.Home, site.Articles, urls.Home, config.Title, config.Description, config.PageSize, []);
                AddListing(latestPages, urls, PageKind.Latest, site.Articles, urls.Latest, "Latest news", $"Everything {config.Title} has published, newest first.", config.PageSize, [new Link("Home", urls.Home)]);
            });

        pages.AddRange(home);
        pages.AddRange(articlePages);
        pages.AddRange(categoryPages);
        pages.AddRange(authorPages);
        pages.AddRange(tagPages);
        pages.AddRange(archivePages);
        pages.AddRange(latestPages);
        pages.Add(new Page { Kind = PageKind.Search, Url = urls.Search, OutputPath = urls.OutputPathOf(urls.Search), Title = "Search", Description = $"Search everything {config.Title} has published.", Breadcrumb = [new Link("Home", urls.Home)] });

        var notFoundUrl = urls.Path("404.html");
        pages.Add(new Page { Kind = PageKind.NotFound, Url = notFoundUrl, OutputPath = "404.html", Title = "Page not found", Description = "The page you asked for does not exist." });

        ReportCollisions(pages, diagnostics);
        return pages;
    }

    private static void AddListing(
        List<Page> pages,
        UrlBuilder urls,
        PageKind kind,
        IReadOnlyList<Article> list,
        string firstUrl,
        string title,
        string description,
        int pageSize,
        IReadOnlyList<Link> breadcrumb,
        Category? category = null,
        Author? author = null,
        Tag? tag = null,
        int? year = null,
        int? month = null,
        IReadOnlyList<Article>? mostRead = null)
    {
        foreach (var (items, pager, url) in Paginator.Paginate(list, pageSize, firstUrl))
        {
            pages.Add(new Page
            {
                Kind = kind,
                Url = url,
                OutputPath = urls.OutputPathOf(url),
                Title = pager.PageNumber == 1 ? title : string.Create(CultureInfo.InvariantCulture, $"{title} – page {pager.PageNumber}"),
                Description = description,
                Breadcrumb = breadcrumb,
                Articles = items,
                Pager = pager,
                Category = category,
                Author = author,
                Tag = tag,
                MostRead = mostRead ?? [],
                Year = year,
                Month = month,
            });
        }
    }

    private static Page ArticlePage(
        Site site,
        Article article,
        UrlBuilder urls,
        Dictionary<string, List<Link>> crumbs,
        Dictionary<string, List<Article>> byCategoryOwn,
        IReadOnlyDictionary<Article, IReadOnlyList<Article>> related,
        Dictionary<Article, int> positionInCategory)
    {
        Article? previous = null;
        Article? next = null;
        if (article.Category is { } category && byCategoryOwn.TryGetValue(category.Path, out var siblings) && positionInCategory.TryGetValue(article, out var index))
        {
            next = index > 0 ? siblings[index - 1] : null;
            previous = index + 1 < siblings.Count ? siblings[index + 1] : null;
        }

        IReadOnlyList<Link> breadcrumb = article.Category is null ? [new Link("Home", urls.Home)] : crumbs[article.Category.Path];
        return new Page
        {
            Kind = PageKind.Article,
            Url = article.Url,
            OutputPath = urls.OutputPathOf(article.Url),
            Title = article.Title,
            Description = article.Summary ?? site.Config.Description,
            Breadcrumb = breadcrumb,
            Article = article,
            Category = article.Category,
            Related = related.GetValueOrDefault(article) ?? [],
            Previous = previous,
            Next = next,
        };
    }

    /// <summary>Home, then the category's parents from the root down (and the category itself when <paramref name="includeSelf"/>): its listings, reversed.</summary>
    private static List<Link> CategoryCrumbs(Category category, Dictionary<string, Category> categories, Dictionary<string, string[]> listings, UrlBuilder urls, bool includeSelf)
    {
        var chain = new List<Link> { new("Home", urls.Home) };
        var paths = CategoryListings.Of(listings, category);
        for (var i = paths.Length - 1; i >= (includeSelf ? 0 : 1); i--)
        {
            if (categories.TryGetValue(paths[i], out var node))
            {
                chain.Add(new Link(node.Name, node.Url));
            }
        }

        return chain;
    }

    private static void ReportCollisions(List<Page> pages, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Page>(pages.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            if (!seen.TryAdd(page.OutputPath, page))
            {
                var other = seen[page.OutputPath];
                var location = page.Article is { } article ? SourceLocation.File(article.SourcePath) : other.Article is { } otherArticle ? SourceLocation.File(otherArticle.SourcePath) : SourceLocation.File("site.yml");
                diagnostics.Report(DiagnosticCodes.UrlCollision, location, page.Url, Describe(other));
            }
        }
    }

    private static string Describe(Page page) => page.Article is { } article ? article.SourcePath : $"the {page.Kind.ToString().ToLowerInvariant()} page '{page.Title}'";

    private static void Append<TKey>(Dictionary<TKey, List<Article>> index, TKey key, Article article)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(article);
    }
}
