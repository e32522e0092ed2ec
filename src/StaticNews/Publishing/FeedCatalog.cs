using StaticNews.Building;
using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>Every feed of the site: the whole site, each category (parents include their children's articles), each author and each tag.</summary>
internal static class FeedCatalog
{
    public static IReadOnlyList<FeedChannel> Build(Site site)
    {
        var size = site.Config.FeedSize;
        var byCategory = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byAuthor = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var byTag = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var categories = Flatten(site.Categories).ToList();
        var categoryListings = CategoryListings.ByPath(categories);
        foreach (var article in site.Articles)
        {
            if (article.Category is { } category)
            {
                foreach (var path in CategoryListings.Of(categoryListings, category))
                {
                    AppendUpTo(byCategory, path, article, size);
                }
            }

            // Indexed: foreach over a read-only list makes an enumerator object per article.
            for (var authorIndex = 0; authorIndex < article.Authors.Count; authorIndex++)
            {
                var author = article.Authors[authorIndex];
                AppendUpTo(byAuthor, author.Id, article, size);
            }

            for (var tagIndex = 0; tagIndex < article.Tags.Count; tagIndex++)
            {
                var tag = article.Tags[tagIndex];
                AppendUpTo(byTag, tag.Slug, article, size);
            }
        }

        var title = site.Title;
        var channels = new List<FeedChannel>
        {
            new(title, site.Config.Description.Length > 0 ? site.Config.Description : "The latest news from " + title + ".", site.Url, [.. site.Articles.Take(size)]) { Content = site.Config.FeedContent },
        };

        foreach (var category in categories)
        {
            var description = category.Description.Length > 0 ? category.Description : $"The latest {category.Name} news from {title}.";
            channels.Add(new FeedChannel(category.Name + " – " + title, description, category.Url, byCategory.GetValueOrDefault(category.Path) ?? []) { Content = site.Config.SectionFeedContent });
        }

        foreach (var author in site.Authors)
        {
            channels.Add(new FeedChannel(author.Name + " – " + title, $"Articles by {author.Name}.", author.Url, byAuthor.GetValueOrDefault(author.Id) ?? []) { Content = site.Config.SectionFeedContent });
        }

        foreach (var tagCount in site.Tags)
        {
            var tag = tagCount.Tag;
            channels.Add(new FeedChannel(tag.Name + " – " + title, $"Articles tagged {tag.Name}.", tag.Url, byTag.GetValueOrDefault(tag.Slug) ?? []) { Content = site.Config.SectionFeedContent });
        }

        return channels;
    }

    private static IEnumerable<Category> Flatten(IEnumerable<Category> categories)
    {
        foreach (var category in categories)
        {
            yield return category;
            foreach (var child in Flatten(category.Children))
            {
                yield return child;
            }
        }
    }

    private static void AppendUpTo(Dictionary<string, List<Article>> index, string key, Article article, int size)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<Article>(size);
        }

        if (list.Count < size)
        {
            list.Add(article);
        }
    }
}
