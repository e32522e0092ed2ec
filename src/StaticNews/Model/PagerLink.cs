namespace StaticNews.Model;

public sealed record PagerLink(int Number, string Url, bool IsCurrent);
