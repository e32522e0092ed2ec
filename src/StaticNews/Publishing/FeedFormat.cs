namespace StaticNews.Publishing;

/// <summary>The three feed formats, each written beside the HTML listing it follows.</summary>
internal enum FeedFormat
{
    Rss,
    Atom,
    JsonFeed,
}
