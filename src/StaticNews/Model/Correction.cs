namespace StaticNews.Model;

/// <summary>A dated note on an article from its front matter's 'corrections' list.</summary>
public sealed record Correction(DateTimeOffset Date, string Note, CorrectionKind Kind);
