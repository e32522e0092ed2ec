using System.Globalization;
using StaticNews.Discovery;
using StaticNews.Text;

namespace StaticNews.Scaffolding;

/// <summary>Creates articles/TOP-CATEGORY/SLUG.md with complete front matter, as a draft dated now in the site's time zone.</summary>
public static class ArticleScaffolder
{
    public static ScaffoldResult Create(string siteRoot, string title, string categoryPath, string authorId, TimeProvider clock)
    {
        var facts = SiteFacts.Read(siteRoot, out var problem);
        if (facts is null)
        {
            return ScaffoldResult.Refused(problem!);
        }

        var category = categoryPath.Trim().Trim('/');
        if (!facts.CategoryPaths.Contains(category, StringComparer.Ordinal))
        {
            return ScaffoldResult.Refused($"The category '{categoryPath}' is not in {SiteLayout.CategoriesFile}. Valid categories: {ListOf(facts.CategoryPaths)}.");
        }

        if (!facts.AuthorIds.Contains(authorId, StringComparer.Ordinal))
        {
            return ScaffoldResult.Refused($"The author '{authorId}' does not exist (no {SiteLayout.AuthorsFolder}/{authorId}.md). Valid authors: {ListOf(facts.AuthorIds)}. Add one with 'staticnews new author ID'.");
        }

        var slug = Slug.From(title);
        if (slug.Length == 0)
        {
            return ScaffoldResult.Refused($"The title '{title}' gives no usable slug (no letters or digits); use a title with words in it.");
        }

        var relative = $"{SiteLayout.ArticlesFolder}/{category.Split('/')[0]}/{slug}.md";
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), facts.Config.TimeZone);
        var text = $"""
            ---
            title: {YamlText.Quoted(title.Trim())}
            date: {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}
            slug: {slug}
            authors: [{authorId}]
            category: {category}
            tags: []
            draft: true                  # left out of the site until you remove this line (or build with --drafts)
            # summary: "The standfirst under the headline."
            # location: City             # the dateline's place
            # image: /images/{slug}.jpg   # a file under static/
            # image_alt: "What the image shows"
            # image_caption: "Caption. Photo: agency"
            # updated: YYYY-MM-DD HH:MM
            # expires: YYYY-MM-DD        # leaves listings, feeds and sitemaps after this date
            ---
            The first paragraph. The dateline is added in front of it.

            """;
        return ScaffoldFiles.WriteNew(siteRoot, relative, text);
    }

    private static string ListOf(IReadOnlyList<string> items) => items.Count == 0 ? "(none yet)" : string.Join(", ", items);
}
