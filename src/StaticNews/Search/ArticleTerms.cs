using System.Runtime.InteropServices;
using StaticNews.Discovery;
using StaticNews.Incremental;

namespace StaticNews.Search;

/// <summary>
/// The indexed tokens of one article: its body's tokens, shared with its <see cref="BodyTerms"/> rather than copied, then the
/// tokens found only in its metadata; and the fields of each. Slot <c>i</c> is the body's token <c>i</c> while there are
/// body tokens, a metadata-only token after. Articles are tokenized in parallel into these, then merged into the index in
/// article order.
/// </summary>
internal sealed class ArticleTerms
{
    // The body's arrays and token count are held here directly, not read through the BodyTerms: the index writer reads a
    // posting's fields and positions for a million postings in token order, each from another article, and every object on
    // the way is a cache miss (two fewer per posting this way).
    private readonly string[] _bodyTokens;
    private readonly int _bodyCount;
    private readonly int[] _positionStarts;
    private readonly int[] _positions;
    private readonly string[] _metadataOnly;
    private readonly SearchField[] _fields;

    private ArticleTerms(BodyTerms body, string[] metadataOnly, SearchField[] fields)
    {
        _bodyTokens = body.Tokens;
        _bodyCount = body.Tokens.Length;
        _positionStarts = body.PositionStarts;
        _positions = body.Positions;
        _metadataOnly = metadataOnly;
        _fields = fields;
    }

    public int Count => _fields.Length;

    public string Token(int slot) => slot < _bodyCount ? _bodyTokens[slot] : _metadataOnly[slot - _bodyCount];

    public SearchField Fields(int slot) => _fields[slot];

    /// <summary>Where the token of <paramref name="slot"/> stands among the body's words; empty for a metadata-only token.</summary>
    public ReadOnlySpan<int> BodyPositions(int slot)
    {
        if (slot >= _bodyCount)
        {
            return [];
        }

        var (start, end) = (_positionStarts[slot], _positionStarts[slot + 1]);
        return _positions.AsSpan(start, end - start);
    }

    /// <summary>
    /// A fingerprint of all that <see cref="Of(Model.Article, BodyTerms)"/> reads of the article besides its body, and of all
    /// that its search result shows besides its URL (<see cref="SearchIndex.DocumentsOf"/>, whose date is formatted by the site's
    /// settings, which the search cache is kept for): equal keys and equal bodies give equal terms, and equal keys and URLs
    /// equal documents.
    /// </summary>
    public static ContentHash MetadataKeyOf(Model.Article article)
    {
        // Indexed loops: foreach over a read-only list makes an enumerator object, and every build runs this for every article.
        var fingerprint = new Fingerprint().Add(article.Title).Add(article.Tags.Count);
        for (var tagIndex = 0; tagIndex < article.Tags.Count; tagIndex++)
        {
            var tag = article.Tags[tagIndex];
            fingerprint.Add(tag.Name);
        }

        fingerprint.Add(article.Summary).Add(article.Authors.Count);
        for (var authorIndex = 0; authorIndex < article.Authors.Count; authorIndex++)
        {
            var author = article.Authors[authorIndex];
            fingerprint.Add(author.Name);
        }

        return fingerprint.Add(article.Category?.Name).Add(article.Date.UtcTicks).Add(article.Date.Offset.Ticks).FinishHash();
    }

    public static ArticleTerms Of(Model.Article article) => Of(article, BodyTerms.Of(article.Body.Html));

    /// <summary>The article's terms: those of its metadata (title, tags, summary, byline) added to those of its body.</summary>
    public static ArticleTerms Of(Model.Article article, BodyTerms body)
    {
        var metadata = new MetadataTokens();
        metadata.Add(article.Title, SearchField.Title);
        foreach (var tag in article.Tags)
        {
            metadata.Add(tag.Name, SearchField.Tag);
        }

        metadata.Add(article.Summary ?? string.Empty, SearchField.Summary);
        foreach (var author in article.Authors)
        {
            metadata.Add(author.Name, SearchField.Byline);
        }

        metadata.Add(article.Category?.Name ?? string.Empty, SearchField.Byline);
        return Of(metadata, body);
    }

    /// <summary>
    /// The terms of the article a search result shows <paramref name="document"/> of, with <paramref name="body"/>: a document
    /// holds all of an article's metadata that its terms read, as <see cref="Of(Model.Article, BodyTerms)"/> reads it.
    /// </summary>
    public static ArticleTerms Of(SearchDocument document, BodyTerms body)
    {
        var metadata = new MetadataTokens();
        metadata.Add(document.Title, SearchField.Title);
        foreach (var tag in document.Tags)
        {
            metadata.Add(tag, SearchField.Tag);
        }

        metadata.Add(document.Summary, SearchField.Summary);
        foreach (var author in document.Authors)
        {
            metadata.Add(author, SearchField.Byline);
        }

        metadata.Add(document.Category, SearchField.Byline);
        return Of(metadata, body);
    }

    private static ArticleTerms Of(MetadataTokens metadata, BodyTerms body)
    {
        var bodyCount = body.Tokens.Length;
        var bodyFields = new SearchField[bodyCount];
        Array.Fill(bodyFields, SearchField.Body);
        var metadataOnly = new List<(string Token, SearchField Fields)>();
        foreach (var (token, fields) in metadata.Fields)
        {
            var slot = Array.BinarySearch(body.Tokens, token, StringComparer.Ordinal);
            if (slot >= 0)
            {
                bodyFields[slot] |= fields;
            }
            else
            {
                metadataOnly.Add((token, fields));
            }
        }

        if (metadataOnly.Count == 0)
        {
            return new ArticleTerms(body, [], bodyFields);
        }

        metadataOnly.Sort((a, b) => string.CompareOrdinal(a.Token, b.Token));
        var all = new SearchField[bodyCount + metadataOnly.Count];
        bodyFields.CopyTo(all, 0);
        var tokens = new string[metadataOnly.Count];
        for (var i = 0; i < metadataOnly.Count; i++)
        {
            (tokens[i], all[bodyCount + i]) = metadataOnly[i];
        }

        return new ArticleTerms(body, tokens, all);
    }

    /// <summary>The indexable tokens of an article's metadata, each with the fields it occurs in.</summary>
    private sealed class MetadataTokens
    {
        private readonly Dictionary<string, SearchField>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public MetadataTokens()
        {
            Fields = new Dictionary<string, SearchField>(StringComparer.Ordinal);
            _lookup = Fields.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Dictionary<string, SearchField> Fields { get; }

        public void Add(string text, SearchField field)
        {
            var lookup = _lookup;
            SearchTokenizer.ForEachWord(SearchTokenizer.Fold(text), (word, position) =>
            {
                if (SearchTokenizer.IsIndexable(word))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _) |= field;
                }
            });
        }
    }
}
