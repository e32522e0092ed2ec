using StaticNews.Model;

namespace StaticNews.Publishing;

/// <summary>One feed's subject: the listing it follows (site, category, author or tag, at <c>ListingUrl</c>) and its newest articles. The feed files sit in the listing's folder.</summary>
internal sealed record FeedChannel(string Title, string Description, string ListingUrl, IReadOnlyList<Article> Articles)
{
    /// <summary>Whether items carry the whole article or only its summary.</summary>
    public FeedContent Content { get; init; } = FeedContent.Full;
}
