namespace StaticNews.Building;

/// <summary>What a link to an article needs: its title and URL, looked up by slug.</summary>
internal sealed record ArticleTarget(string Slug, string Title, string Url);
