using StaticNews.Model;
using StaticNews.Output;
using StaticNews.Search;

namespace StaticNews.Incremental;

/// <summary>
/// What a build's search files are made from besides the model: each article's body terms and, to update the previous
/// build's files in place instead of indexing every article again, what each article is indexed from now and was then (in
/// document order), that build's body terms by body key, and its output.
/// </summary>
internal sealed class SearchInputs(Func<Article, BodyTerms> termsOf)
{
    public Func<Article, BodyTerms> TermsOf { get; } = termsOf;

    public IReadOnlyList<IndexedArticle> Indexed { get; init; } = [];

    public IReadOnlyList<IndexedArticle> PreviouslyIndexed { get; init; } = [];

    /// <summary>The previous build's terms of the body with this key and HTML fingerprint, or null when it has none.</summary>
    public Func<string, string, BodyTerms?> PreviousTermsOf { get; init; } = (_, _) => null;

    public PreviousOutput? PreviousOutput { get; set; }

    /// <summary>Set by the renderer when the search files were updated in place rather than written from a whole index.</summary>
    public bool UpdatedInPlace { get; set; }
}
