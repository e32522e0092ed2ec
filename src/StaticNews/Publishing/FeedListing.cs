namespace StaticNews.Publishing;

/// <summary>A listing with feeds of its own (a category, author or tag): where it lives and what it is called.</summary>
internal sealed record FeedListing(string Url, string Name);
