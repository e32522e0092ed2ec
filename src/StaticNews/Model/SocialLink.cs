namespace StaticNews.Model;

/// <summary>A link to a profile elsewhere ("Follow us", author links).</summary>
public sealed record SocialLink(string Name, string Url);
