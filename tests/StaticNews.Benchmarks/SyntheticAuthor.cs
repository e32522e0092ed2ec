namespace StaticNews.Benchmarks;

internal sealed record SyntheticAuthor(string Id, string Name, string Role, string Bio);
