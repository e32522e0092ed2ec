namespace StaticNews.Model;

/// <summary>A year of the archive: its page and its twelve months, January first (months without articles have a count of 0 and no URL).</summary>
public sealed record ArchiveYear(int Year, int Count, string Url, IReadOnlyList<ArchiveMonth> Months);
