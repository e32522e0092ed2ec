namespace StaticNews.Benchmarks;

internal sealed record SyntheticCategory(string Slug, string Name, IReadOnlyList<(string Slug, string Name)> Children);
