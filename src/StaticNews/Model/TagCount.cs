namespace StaticNews.Model;

public sealed record TagCount(Tag Tag, int Count);
