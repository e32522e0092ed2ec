using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Output;
using StaticNews.Search;

namespace StaticNews.Incremental;

/// <summary>
/// What a build's search files are made from besides the model: each article's body terms and, to update the previous
/// build's files in place instead of indexing every article again, what each article is indexed from now and was then (in
/// document order), that build's body terms by body key, and its output.
/// </summary>
/// <param name="bodies">The model's rendered bodies by source path; an article without one is tokenized from its HTML.</param>
internal sealed class SearchInputs(IReadOnlyDictionary<string, RenderedBody> bodies)
{
    public BodyTerms TermsOf(Article article) =>
        bodies.TryGetValue(article.SourcePath, out var body) ? body.Terms : BodyTerms.Of(article.Body.Html);

    public IReadOnlyList<IndexedArticle> Indexed { get; init; } = [];

    public IReadOnlyList<IndexedArticle> PreviouslyIndexed { get; init; } = [];

    /// <summary>The previous build's terms of the body with this key and HTML fingerprint, or null when it has none.</summary>
    public Func<string, ContentHash, BodyTerms?> PreviousTermsOf { get; init; } = (_, _) => null;

    public PreviousOutput? PreviousOutput { get; init; }

    /// <summary>Set by the renderer: whether the search files it made last were updated in place rather than written from a whole index.</summary>
    public bool UpdatedInPlace { get; set; }
}
