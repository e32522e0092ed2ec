namespace StaticNews.Building;

/// <summary>One article a body looked up by slug, and the title and URL it found (both null when there was none).</summary>
internal sealed record BodyLink(string Slug, string? Title, string? Url)
{
    public bool StillHolds(IReadOnlyDictionary<string, ArticleTarget> articlesBySlug) =>
        articlesBySlug.TryGetValue(Slug, out var target)
            ? target.Title == Title && target.Url == Url
            : Title is null && Url is null;
}
