using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>One feed's subject: the listing it follows (site, category, author or tag, at <c>ListingUrl</c>) and its newest articles. The feed files sit in the listing's folder.</summary>
internal sealed record FeedChannel(string Title, string Description, string ListingUrl, IReadOnlyList<Article> Articles);
