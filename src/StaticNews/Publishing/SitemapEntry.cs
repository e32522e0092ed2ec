namespace StaticNews.Publishing;

/// <summary>One URL of sitemap.xml: the absolute location and, when known, when its content last changed.</summary>
internal sealed record SitemapEntry(string Location, DateTimeOffset? LastModified);
