using System.Runtime.InteropServices;
using StaticNews.Analytics;
using StaticNews.Diagnostics;
using StaticNews.Incremental;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Parsing;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Building;

/// <summary>Stages 2 and 3: parses every content file once, resolves references, builds indexes and the list of pages.</summary>
public static class SiteBuilder
{
    public static SiteModel? Build(SourceSet sources, BuildOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken = default) =>
        Build(sources, options, diagnostics, ArticleCaches.Disabled(), cancellationToken: cancellationToken);

    /// <summary>
    /// Builds the model, taking from <paramref name="caches"/> every article whose front matter need not be parsed again,
    /// every body that need not be rendered again and the related lists when what they depend on is unchanged; with
    /// <paramref name="knownPaths"/>, the pages' and files' paths are named with its strings where the last build wrote them.
    /// </summary>
    internal static SiteModel? Build(SourceSet sources, BuildOptions options, DiagnosticBag diagnostics, ArticleCaches caches, EarlySiteConfig? earlyConfig = null, KnownOutputPaths? knownPaths = null, CancellationToken cancellationToken = default)
    {
        // The Markdown pipelines need no setting: they are made while site.yml may still be loading beside the discovery.
        var pipeline = MarkdownPipelines.Create();
        var lean = MarkdownPipelines.CreateLean();
        var config = sources.SiteConfig is not null && earlyConfig is not null && earlyConfig.TryTake(sources.SiteConfig, diagnostics, out var early)
            ? early
            : SiteConfigLoader.Load(sources.SiteConfig, options, diagnostics);
        if (config is null)
        {
            return null;
        }

        var urls = new UrlBuilder(config.BasePath, config.BaseUrl) { KnownPaths = knownPaths ?? KnownOutputPaths.None };
        var categoryRoots = CategoryTreeLoader.Load(sources.Categories, urls, diagnostics);
        var categories = Flatten(categoryRoots);

        var authorList = new Author?[sources.Authors.Count];
        var authorFiles = new ContentHash[sources.Authors.Count];
        ParallelWork.For(sources.Authors.Count, i =>
        {
            var parsed = ContentParser.Parse(sources.Authors[i], diagnostics);
            authorList[i] = parsed is null ? null : AuthorLoader.Load(parsed, urls, pipeline, config.MarkdownRawHtml, diagnostics);
            authorFiles[i] = new Fingerprint().Add(sources.Authors[i].Path).Add(sources.Authors[i].Bytes.Span).FinishHash();
        }, cancellationToken);
        var authors = authorList.OfType<Author>().ToDictionary(a => a.Id, StringComparer.Ordinal);
        var authorFingerprints = new Dictionary<string, ContentHash>(authors.Count, StringComparer.Ordinal);
        for (var i = 0; i < authorList.Length; i++)
        {
            if (authorList[i] is { } author)
            {
                authorFingerprints[author.Id] = authorFiles[i];
            }
        }

        var draftReader = new DraftReader(config, urls, caches.Drafts);
        var read = new (ArticleDraft? Draft, CachedDraft? ForCache, SplitFacts? Split)[sources.Articles.Count];
        ParallelWork.For(sources.Articles.Count, i => read[i] = draftReader.Read(sources.Articles[i], diagnostics), cancellationToken);
        var articleDrafts = read.Select(r => r.Draft).ToArray();

        var now = options.Clock.GetUtcNow();
        var published = articleDrafts
            .OfType<ArticleDraft>()
            .Where(d => (options.IncludeDrafts || !d.Draft) && (options.IncludeFuture || d.Date <= now))
            .Where(d => !(config.RemoveExpiredPages && IsExpired(d, now)))
            .ToList();

        var targets = IndexBySlug(published, config, urls, categories, diagnostics);
        var bodyRenderer = new ArticleBodyRenderer(pipeline, lean, config.MarkdownRawHtml, new ShortcodeResolver(urls), targets, caches.Bodies);
        var resolver = new ArticleResolver(config, urls, authors, categories, bodyRenderer);
        var articles = new Article[published.Count];
        var renderedBodies = new RenderedBody[published.Count];
        var fingerprints = new ArticleFingerprint[published.Count];
        ParallelWork.For(published.Count, i =>
        {
            var draft = published[i];
            (articles[i], renderedBodies[i]) = resolver.Resolve(draft, targets[draft.Slug].Url, IsExpired(draft, now), diagnostics);
            // Taken while the body is at hand: gathered later, it cost a cache miss per article.
            fingerprints[i] = new ArticleFingerprint(draft.Source.YamlFingerprint, renderedBodies[i].HtmlHash, BylineOf(articles[i], authorFingerprints));
        }, cancellationToken);

        // What the next build takes from the caches needs only the drafts and bodies: gathered while the site's lists are built.
        var forCaches = ParallelWork.Start(() => (
            Bodies: ByPath(published, renderedBodies),
            Drafts: read.Select(r => r.ForCache).OfType<CachedDraft>().ToList(),
            Splits: SplitsByPath(sources.Articles, read),
            Fingerprints: ByPath(published, fingerprints),
            ValidUntil: NextScheduledChange(articleDrafts, published, options, now, TimeSpan.FromHours(config.BreakingHours))));

        Array.Sort(articles, ArticleOrder.NewestFirst);
        var expired = articles.Where(a => a.Expired).ToList();
        articles = [.. articles.Where(a => !a.Expired)];
        if (articles.Length == 0)
        {
            diagnostics.Report(DiagnosticCodes.NoArticles, SourceLocation.File(SiteLayout.ArticlesFolder));
        }

        // Related lists need only the articles: they are found (or taken from the cache) while the site's lists are built.
        var pins = published.Where(d => d.Related.Count > 0).ToDictionary(d => d.Slug, d => d.Related, StringComparer.Ordinal);
        var relatedWork = ParallelWork.Start(() =>
        {
            var inputs = RelatedArticles.InputsOf(articles, pins, config.RelatedCount);
            var cached = caches.Related.Find(inputs, articles.Length);
            return (Inputs: inputs, Cached: cached, Lists: cached ?? RelatedArticles.ComputeIndices(articles, pins, config.RelatedCount));
        });
        var archiveMonths = ArchiveMonths(articles, config, urls);
        var mostRead = MostReadLoader.Load(sources, config, urls, articles, now, diagnostics);
        // The site shows the first few; the category pages' lists come from the whole ranking.
        var ranking = mostRead is { Articles.Count: > 0 } ? mostRead.Articles : LoadPopular(sources, articles, diagnostics);
        var site = new Site
        {
            Config = config,
            Articles = articles,
            Authors = ByNameThenId(authors.Values),
            Categories = categoryRoots,
            Tags = CountTags(articles),
            Popular = ranking.Count > config.PopularCount ? ranking[..config.PopularCount] : ranking,
            ArchiveMonths = archiveMonths,
            ArchiveYears = ArchiveYears(archiveMonths, config, urls),
            Breaking = [.. articles.Where(a => a.Breaking && a.Date <= now && now - a.Date < TimeSpan.FromHours(config.BreakingHours))],
            Sections = SectionBuilder.Build(categoryRoots, articles),
        };

        var (relatedInputs, cachedRelated, relatedLists) = relatedWork.Result;
        RelatedArticles.ReportUnknownPins(articles, pins, diagnostics);
        var related = RelatedArticles.ToArticles(articles, relatedLists);
        var pages = PageBuilder.Build(site, ranking, expired, categories.Values, related, urls, diagnostics);
        var kept = forCaches.Result;
        return new SiteModel(site, pages, urls)
        {
            BuiltAt = now,
            ValidUntil = Earliest(kept.ValidUntil, mostRead?.WindowChanges),
            Bodies = kept.Bodies,
            BodiesRendered = bodyRenderer.Rendered,
            Drafts = kept.Drafts,
            DraftsParsed = draftReader.Parsed,
            Related = new RelatedLists(relatedInputs, relatedLists),
            RelatedReused = cachedRelated is not null,
            Splits = kept.Splits,
            ArticleFingerprints = kept.Fingerprints,
            AuthorFingerprints = authorFingerprints,
        };
    }

    /// <summary>
    /// The authors by name, then by id. Sorted in place rather than through OrderBy and ThenBy: ThenBy calls a generic interface
    /// method, which the natively compiled tool resolves at run time through tables whose first use took about a millisecond
    /// of a 1,000-article edit (see the performance log, fiftieth session).
    /// </summary>
    private static Author[] ByNameThenId(IEnumerable<Author> authors)
    {
        Author[] sorted = [.. authors];
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Id, b.Id));
        return sorted;
    }

    /// <summary>The fingerprint of an article's authors' files, in its order: the one author's own for most articles.</summary>
    private static ContentHash BylineOf(Article article, Dictionary<string, ContentHash> authorFingerprints)
    {
        if (article.Authors.Count == 1)
        {
            return authorFingerprints[article.Authors[0].Id];
        }

        var byline = new Fingerprint().Add(article.Authors.Count);
        foreach (var author in article.Authors)
        {
            byline.AddHash(authorFingerprints[author.Id]);
        }

        return byline.FinishHash();
    }

    private static Dictionary<string, SplitFacts> SplitsByPath(IReadOnlyList<SourceFile> articles, (ArticleDraft?, CachedDraft?, SplitFacts? Split)[] read)
    {
        var splits = new Dictionary<string, SplitFacts>(articles.Count, StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            if (read[i].Split is { } split)
            {
                splits[articles[i].Path] = split;
            }
        }

        return splits;
    }

    /// <summary>
    /// The first moment after <paramref name="now"/> at which the same sources give another site: an article scheduled for
    /// the future goes live (or, published ahead with --future, reaches its date), a published one leaves the news sitemap's
    /// window, one expires, or a breaking banner ends.
    /// </summary>
    private static DateTimeOffset? NextScheduledChange(ArticleDraft?[] drafts, List<ArticleDraft> published, BuildOptions options, DateTimeOffset now, TimeSpan breakingWindow)
    {
        DateTimeOffset? next = null;
        foreach (var draft in drafts)
        {
            // Its date changes the site with --future too: published ahead, it enters the news sitemap and a breaking banner then.
            if (draft is not null && draft.Date > now && (options.IncludeDrafts || !draft.Draft))
            {
                next = Earliest(next, draft.Date);
            }
        }

        foreach (var draft in published)
        {
            // The news sitemap keeps an article until the window's length after its date, that moment included: it is gone
            // from the next tick on.
            var leavesNewsWindow = draft.Date + Publishing.NewsSitemapWriter.Window + TimeSpan.FromTicks(1);
            if (leavesNewsWindow > now)
            {
                next = Earliest(next, leavesNewsWindow);
            }

            if (draft.Expires is { } expires && expires > now)
            {
                next = Earliest(next, expires);
            }

            if (draft.Breaking && draft.Date + breakingWindow > now)
            {
                next = Earliest(next, draft.Date + breakingWindow);
            }
        }

        return next;
    }

    /// <summary>The earlier of two moments, either of which may be none.</summary>
    internal static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null || (b is not null && b < a) ? b : a;

    /// <summary>An article whose 'expires' has passed leaves listings, feeds and sitemaps; it is still an article (links to it work while its page stays).</summary>
    private static bool IsExpired(ArticleDraft draft, DateTimeOffset now) => draft.Expires is { } expires && expires <= now;

    /// <summary>
    /// Every published article's link target by slug. Of articles sharing a slug, all are reported and the one whose path
    /// sorts first is kept; <paramref name="published"/> is left with the kept ones, in the order their slugs first appear.
    /// </summary>
    private static Dictionary<string, ArticleTarget> IndexBySlug(
        List<ArticleDraft> published,
        SiteConfig config,
        UrlBuilder urls,
        Dictionary<string, Category> categories,
        DiagnosticBag diagnostics)
    {
        var keptAt = new Dictionary<string, int>(published.Count, StringComparer.Ordinal);
        var kept = new List<ArticleDraft>(published.Count);
        Dictionary<string, List<ArticleDraft>>? sharing = null;
        foreach (var draft in published)
        {
            if (!keptAt.TryAdd(draft.Slug, kept.Count))
            {
                var at = keptAt[draft.Slug];
                sharing ??= new Dictionary<string, List<ArticleDraft>>(StringComparer.Ordinal);
                if (!sharing.TryGetValue(draft.Slug, out var same))
                {
                    sharing[draft.Slug] = same = [kept[at]];
                }

                same.Add(draft);
                if (string.CompareOrdinal(draft.Path, kept[at].Path) < 0)
                {
                    kept[at] = draft;
                }

                continue;
            }

            kept.Add(draft);
        }

        foreach (var (slug, same) in sharing ?? [])
        {
            foreach (var draft in same)
            {
                var others = string.Join(", ", same.Where(o => o != draft).Select(o => o.Path).Order(StringComparer.Ordinal));
                diagnostics.Report(DiagnosticCodes.SlugDuplicate, draft.SlugLocation.Line > 0 ? draft.SlugLocation : new SourceLocation(draft.Path, 1, 1), slug, others);
            }
        }

        // Each URL needs the permalink pattern expanded (with the date in the site's time zone, if it shows it): in parallel.
        var kepts = kept.ToArray();
        var found = new ArticleTarget[kepts.Length];
        var permalink = PermalinkPattern.Parse(config.Permalink);
        ParallelWork.For(kepts.Length, i =>
        {
            var draft = kepts[i];
            var category = draft.CategoryPath is var (path, _) && categories.TryGetValue(path, out var inCategory) ? inCategory : null;
            found[i] = new ArticleTarget(draft.Slug, draft.Title, urls.Path(permalink.Expand(draft.Slug, draft.Date, config.TimeZone, category)));
        }, CancellationToken.None);

        var targets = new Dictionary<string, ArticleTarget>(found.Length, StringComparer.Ordinal);
        foreach (var target in found)
        {
            targets[target.Slug] = target;
        }

        published.Clear();
        published.AddRange(kepts);
        return targets;
    }

    private static Dictionary<string, Category> Flatten(IReadOnlyList<Category> roots)
    {
        var all = new Dictionary<string, Category>(StringComparer.Ordinal);
        var stack = new Stack<Category>(roots.Reverse());
        while (stack.Count > 0)
        {
            var category = stack.Pop();
            all[category.Path] = category;
            foreach (var child in category.Children.Reverse())
            {
                stack.Push(child);
            }
        }

        return all;
    }

    /// <summary>Each published article's value of <paramref name="values"/> (in the order of <paramref name="published"/>), by source path.</summary>
    private static Dictionary<string, T> ByPath<T>(List<ArticleDraft> published, T[] values)
    {
        var byPath = new Dictionary<string, T>(published.Count, StringComparer.Ordinal);
        for (var i = 0; i < published.Count; i++)
        {
            byPath.Add(published[i].Path, values[i]);
        }

        return byPath;
    }

    private static List<TagCount> CountTags(IReadOnlyList<Article> articles)
    {
        // Plain dictionaries and an array sort rather than LINQ over (tag, count) tuples, whose value-type instantiations the
        // JIT would compile at every run (as for the archive's months and years below).
        var tagsBySlug = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            // Indexed: foreach over a read-only list makes an enumerator object per article.
            for (var tagIndex = 0; tagIndex < article.Tags.Count; tagIndex++)
            {
                var tag = article.Tags[tagIndex];
                tagsBySlug.TryAdd(tag.Slug, tag);
                CollectionsMarshal.GetValueRefOrAddDefault(counts, tag.Slug, out _)++;
            }
        }

        var slugs = new string[tagsBySlug.Count];
        tagsBySlug.Keys.CopyTo(slugs, 0);
        Array.Sort(slugs, StringComparer.Ordinal);
        var tagCounts = new List<TagCount>(slugs.Length);
        foreach (var slug in slugs)
        {
            tagCounts.Add(new TagCount(tagsBySlug[slug], counts[slug]));
        }

        return tagCounts;
    }

    private static List<Article> LoadPopular(SourceSet sources, IReadOnlyList<Article> articles, DiagnosticBag diagnostics)
    {
        if (!sources.Data.TryGetValue("popular.yml", out var file))
        {
            return [];
        }

        var document = YamlLoader.LoadFile(file, diagnostics);
        if (document.Root is not YamlSequenceNode sequence)
        {
            if (document.Root is { } root and not YamlMappingNode { Children.Count: 0 })
            {
                diagnostics.Report(DiagnosticCodes.FieldWrongType, new SourceLocation(file.Path, document.LineOf(root), YamlSource.ColumnOf(root)), "popular", "a list of article slugs");
            }

            return [];
        }

        var bySlug = articles.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        var popular = new List<Article>();
        foreach (var item in sequence.Children)
        {
            var slug = item is YamlScalarNode { Value: { } text } ? text.Trim() : null;
            if (slug is not null && bySlug.TryGetValue(slug, out var article))
            {
                if (!popular.Exists(p => ReferenceEquals(p, article)))
                {
                    popular.Add(article);
                }
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.PopularSlugUnknown, new SourceLocation(file.Path, document.LineOf(item), YamlSource.ColumnOf(item)), slug ?? "?");
            }
        }

        return popular;
    }

    private static List<ArchiveMonth> ArchiveMonths(IReadOnlyList<Article> articles, SiteConfig config, UrlBuilder urls)
    {
        // Counted by month number (year * 12 + month - 1), newest month first.
        var counts = new Dictionary<int, int>();
        foreach (var article in articles)
        {
            var (year, month) = LocalMonth(article.Date, config.TimeZone);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, (year * 12) + month - 1, out _)++;
        }

        // From the newest month down to the oldest, rather than sorting: no sort over int is compiled ahead of time.
        var (newest, oldest) = (int.MinValue, int.MaxValue);
        foreach (var number in counts.Keys)
        {
            (newest, oldest) = (Math.Max(newest, number), Math.Min(oldest, number));
        }

        var months = new List<ArchiveMonth>(counts.Count);
        for (var number = newest; number >= oldest && months.Count < counts.Count; number--)
        {
            if (counts.TryGetValue(number, out var count))
            {
                var (year, month) = (number / 12, (number % 12) + 1);
                months.Add(new ArchiveMonth(year, month, SiteDates.MonthOfYear(year, month, config), count, urls.ArchiveMonth(year, month)));
            }
        }

        return months;
    }

    /// <summary>Each year of <paramref name="months"/> (newest first, as <see cref="ArchiveMonths"/> gives them) with its twelve months, those without articles included.</summary>
    private static List<ArchiveYear> ArchiveYears(List<ArchiveMonth> months, SiteConfig config, UrlBuilder urls)
    {
        var years = new List<ArchiveYear>();
        var next = 0;
        while (next < months.Count)
        {
            var year = months[next].Year;
            var byMonth = new ArchiveMonth?[12];
            var count = 0;
            for (; next < months.Count && months[next].Year == year; next++)
            {
                byMonth[months[next].Month - 1] ??= months[next];
                count += months[next].Count;
            }

            var all = new List<ArchiveMonth>(12);
            for (var month = 1; month <= 12; month++)
            {
                all.Add(byMonth[month - 1] ?? new ArchiveMonth(year, month, SiteDates.MonthOfYear(year, month, config), 0, string.Empty));
            }

            years.Add(new ArchiveYear(year, count, urls.ArchiveYear(year), all));
        }

        return years;
    }

    internal static (int Year, int Month) LocalMonth(DateTimeOffset date, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(date, zone);
        return (local.Year, local.Month);
    }
}
