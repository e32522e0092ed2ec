namespace StaticNews.Discovery;

/// <summary>The names of the folders and files of a site folder.</summary>
public static class SiteLayout
{
    public const string SiteConfigFile = "site.yml";
    public const string CategoriesFile = "categories.yml";
    public const string ArticlesFolder = "articles";
    public const string AuthorsFolder = "authors";
    public const string DataFolder = "data";
    public const string StaticFolder = "static";
    public const string TemplatesFolder = "templates";
    public const string DefaultOutputFolder = "public";

    /// <summary>Folders that hold content: an output folder may not lie inside any of them.</summary>
    public static IReadOnlyList<string> ContentFolders { get; } = [ArticlesFolder, AuthorsFolder, DataFolder, StaticFolder, TemplatesFolder];
}
