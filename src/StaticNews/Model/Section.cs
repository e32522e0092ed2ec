namespace StaticNews.Model;

/// <summary>A top category with its latest articles (its children's included), for the sections of the home page.</summary>
public sealed record Section(Category Category, IReadOnlyList<Article> Articles, int TotalCount);
