namespace StaticNews.Analytics;

/// <summary>One CSV record and the line it starts on (1-based). <see cref="Error"/> says why it could not be read cleanly.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);
