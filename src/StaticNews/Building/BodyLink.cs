namespace StaticNews.Building;

/// <summary>One article a body looked up by slug, and the title and URL it found (both null when there was none).</summary>
internal sealed record BodyLink(string Slug, string? Title, string? Url);
