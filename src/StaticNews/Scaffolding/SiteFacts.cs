using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;

namespace StaticNews.Scaffolding;

/// <summary>What scaffolding needs to know about an existing site: its settings, category paths and author ids.</summary>
internal sealed record SiteFacts(SiteConfig Config, IReadOnlyList<string> CategoryPaths, IReadOnlyList<string> AuthorIds)
{
    /// <summary>Reads site.yml, categories.yml and the names of authors/*.md; null with the reason when the site cannot be read.</summary>
    public static SiteFacts? Read(string siteRoot, out string? problem)
    {
        problem = null;
        var root = Path.GetFullPath(siteRoot);
        var configPath = Path.Combine(root, SiteLayout.SiteConfigFile);
        if (!File.Exists(configPath))
        {
            problem = $"No {SiteLayout.SiteConfigFile} in '{root}'; pass --source SITE, or create a site with 'staticnews init DIR'.";
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(new SourceFile(SiteLayout.SiteConfigFile, File.ReadAllBytes(configPath)), new BuildOptions { SourcePath = root }, diagnostics);
        var categoriesPath = Path.Combine(root, SiteLayout.CategoriesFile);
        var categories = File.Exists(categoriesPath)
            ? CategoryTreeLoader.Load(new SourceFile(SiteLayout.CategoriesFile, File.ReadAllBytes(categoriesPath)), new UrlBuilder("/", "/"), diagnostics)
            : [];
        var errors = diagnostics.ToSortedList().Where(d => d.IsError).ToList();
        if (config is null || errors.Count > 0)
        {
            problem = "The site has errors; fix them first ('staticnews check' lists them):\n" + string.Join('\n', errors);
            return null;
        }

        var authorIds = SiteDiscoverer.EnumerateFiles(Path.Combine(root, SiteLayout.AuthorsFolder), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SiteFacts(config, [.. Flatten(categories).Order(StringComparer.Ordinal)], authorIds);
    }

    private static IEnumerable<string> Flatten(IReadOnlyList<Category> categories)
    {
        foreach (var category in categories)
        {
            yield return category.Path;
            foreach (var child in Flatten(category.Children))
            {
                yield return child;
            }
        }
    }
}
