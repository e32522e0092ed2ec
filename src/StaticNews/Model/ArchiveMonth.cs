namespace StaticNews.Model;

public sealed record ArchiveMonth(int Year, int Month, string Name, int Count, string Url);
