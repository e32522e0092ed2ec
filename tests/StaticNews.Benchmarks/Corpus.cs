namespace StaticNews.Benchmarks;

/// <summary>A deterministic synthetic news site: the same seed and size always give the same articles.</summary>
internal sealed record Corpus(
    IReadOnlyList<SyntheticCategory> Categories,
    IReadOnlyList<SyntheticAuthor> Authors,
    IReadOnlyList<SyntheticArticle> Articles,
    IReadOnlyList<string> Popular);
