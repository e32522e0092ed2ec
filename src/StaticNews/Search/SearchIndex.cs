using System.Net;
using System.Text.RegularExpressions;
using StaticNews.Model;

namespace StaticNews.Search;

/// <summary>
/// The whole search index in memory: the articles' metadata and, for each token, where it occurs. Written to files by
/// <see cref="SearchIndexWriter"/>. Postings are kept compact (a document and a slot in its <see cref="ArticleTerms"/>), because
/// a 10,000-article site has millions of them.
/// </summary>
public sealed partial class SearchIndex
{
    private readonly ArticleTerms[] _terms;
    private readonly Dictionary<string, PostingList> _postings;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>>> _expanded;

    private SearchIndex(IReadOnlyList<SearchDocument> documents, ArticleTerms[] terms, Dictionary<string, PostingList> postings)
    {
        Documents = documents;
        _terms = terms;
        _postings = postings;
        _expanded = new Lazy<IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>>>(Expand);
    }

    public IReadOnlyList<SearchDocument> Documents { get; }

    /// <summary>Every indexed token, in no particular order.</summary>
    public IEnumerable<string> Tokens => _postings.Keys;

    /// <summary>Token -> postings in document order, built on first use (the ranker and tests read it; the writer does not).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>> Postings => _expanded.Value;

    /// <summary>Indexes the site's articles (newest first, so a document's id orders by recency).</summary>
    public static SearchIndex Build(Site site, Func<DateTimeOffset, string> formatDate, CancellationToken cancellationToken = default) =>
        Build(site, formatDate, article => BodyTerms.Of(article.Body.Html), cancellationToken);

    /// <summary>Indexes the site's articles, taking each body's terms from <paramref name="bodyTermsOf"/>.</summary>
    internal static SearchIndex Build(Site site, Func<DateTimeOffset, string> formatDate, Func<Article, BodyTerms> bodyTermsOf, CancellationToken cancellationToken = default)
    {
        var articles = site.Articles;
        var documents = DocumentsOf(site, formatDate, cancellationToken);
        var terms = new ArticleTerms[articles.Count];
        ParallelWork.For(articles.Count, id => terms[id] = ArticleTerms.Of(articles[id], bodyTermsOf(articles[id])), cancellationToken);

        var postings = new Dictionary<string, PostingList>(StringComparer.Ordinal);
        for (var id = 0; id < terms.Length; id++)
        {
            var article = terms[id];
            for (var slot = 0; slot < article.Count; slot++)
            {
                var token = article.Token(slot);
                if (!postings.TryGetValue(token, out var list))
                {
                    postings[token] = list = new PostingList();
                }

                list.Add(id, slot);
            }
        }

        return new SearchIndex(documents, terms, postings);
    }

    /// <summary>What search results show of each article, in the index's order (newest first).</summary>
    internal static SearchDocument[] DocumentsOf(Site site, Func<DateTimeOffset, string> formatDate, CancellationToken cancellationToken)
    {
        var articles = site.Articles;
        var documents = new SearchDocument[articles.Count];
        ParallelWork.For(articles.Count, id =>
        {
            var article = articles[id];
            var iso = TimeZoneInfo.ConvertTime(article.Date, site.Config.TimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            documents[id] = new SearchDocument(
                id,
                article.Url,
                article.Title,
                article.Summary ?? string.Empty,
                iso,
                formatDate(article.Date),
                [.. article.Authors.Select(a => a.Name)],
                article.Category?.Name ?? string.Empty,
                [.. article.Tags.Select(t => t.Name)]);
        }, cancellationToken);

        return documents;
    }

    /// <summary>How many documents contain <paramref name="token"/>.</summary>
    internal int PostingCount(string token) => _postings[token].Count;

    /// <summary>Calls <paramref name="visit"/> for each posting of <paramref name="token"/>, in document order.</summary>
    internal void ForEachPosting(string token, PostingVisitor visit)
    {
        var list = _postings[token];
        for (var i = 0; i < list.Count; i++)
        {
            var (document, slot) = list[i];
            var terms = _terms[document];
            visit(document, terms.Fields(slot), terms.BodyPositions(slot));
        }
    }

    internal delegate void PostingVisitor(int documentId, SearchField fields, ReadOnlySpan<int> bodyPositions);

    /// <summary>The text of rendered HTML: tags dropped, entities decoded.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private Dictionary<string, IReadOnlyList<SearchPosting>> Expand()
    {
        var expanded = new Dictionary<string, IReadOnlyList<SearchPosting>>(_postings.Count, StringComparer.Ordinal);
        foreach (var token in _postings.Keys)
        {
            var list = new List<SearchPosting>();
            ForEachPosting(token, (document, fields, positions) => list.Add(new SearchPosting(document, fields, positions.ToArray())));
            expanded[token] = list;
        }

        return expanded;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>The documents of one token as (document, slot) pairs in one growing array.</summary>
    private sealed class PostingList
    {
        private int[] _pairs = new int[4];

        public int Count { get; private set; }

        public (int Document, int Slot) this[int index] => (_pairs[2 * index], _pairs[(2 * index) + 1]);

        public void Add(int document, int slot)
        {
            if (2 * Count == _pairs.Length)
            {
                Array.Resize(ref _pairs, _pairs.Length * 2);
            }

            _pairs[2 * Count] = document;
            _pairs[(2 * Count) + 1] = slot;
            Count++;
        }
    }
}
