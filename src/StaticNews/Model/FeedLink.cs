namespace StaticNews.Model;

/// <summary>A feed a page points to with &lt;link rel="alternate"&gt;: its title, MIME type and site-rooted URL.</summary>
public sealed record FeedLink(string Title, string Type, string Url);
