namespace StaticNews.Model;

/// <summary>A named link, such as a breadcrumb step.</summary>
public sealed record Link(string Name, string Url);
