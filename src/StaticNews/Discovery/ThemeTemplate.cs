namespace StaticNews.Discovery;

/// <summary>A template of the theme: its name (e.g. "article.html", "partials/header.html"), text, and where it came from for diagnostics.</summary>
public sealed record ThemeTemplate(string Name, string Text, string DisplayPath);
