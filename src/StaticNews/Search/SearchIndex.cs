using System.Net;
using System.Text.RegularExpressions;
using StaticNews.Model;

namespace StaticNews.Search;

/// <summary>The whole search index in memory: the articles' metadata and, for each token, where it occurs. Written to files by <see cref="SearchIndexWriter"/>.</summary>
public sealed partial class SearchIndex
{
    private SearchIndex(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>> postings)
    {
        Documents = documents;
        Postings = postings;
    }

    public IReadOnlyList<SearchDocument> Documents { get; }

    /// <summary>Token -> postings in document order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>> Postings { get; }

    /// <summary>Indexes the site's articles (newest first, so a document's id orders by recency).</summary>
    public static SearchIndex Build(Site site, Func<DateTimeOffset, string> formatDate)
    {
        var documents = new List<SearchDocument>(site.Articles.Count);
        var postings = new Dictionary<string, List<SearchPosting>>(StringComparer.Ordinal);
        for (var id = 0; id < site.Articles.Count; id++)
        {
            var article = site.Articles[id];
            var iso = TimeZoneInfo.ConvertTime(article.Date, site.Config.TimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            documents.Add(new SearchDocument(
                id,
                article.Url,
                article.Title,
                article.Summary ?? string.Empty,
                iso,
                formatDate(article.Date),
                [.. article.Authors.Select(a => a.Name)],
                article.Category?.Name ?? string.Empty,
                [.. article.Tags.Select(t => t.Name)]));

            var fields = new SortedDictionary<string, (SearchField Fields, List<int> Positions)>(StringComparer.Ordinal);
            Add(fields, article.Title, SearchField.Title);
            foreach (var tag in article.Tags)
            {
                Add(fields, tag.Name, SearchField.Tag);
            }

            Add(fields, article.Summary ?? string.Empty, SearchField.Summary);
            foreach (var author in article.Authors)
            {
                Add(fields, author.Name, SearchField.Byline);
            }

            Add(fields, article.Category?.Name ?? string.Empty, SearchField.Byline);
            foreach (var (token, position) in SearchTokenizer.Tokens(PlainText(article.Body.Html)))
            {
                var (found, positions) = Entry(fields, token);
                positions.Add(position);
                fields[token] = (found | SearchField.Body, positions);
            }

            foreach (var (token, entry) in fields)
            {
                if (!postings.TryGetValue(token, out var list))
                {
                    postings[token] = list = [];
                }

                list.Add(new SearchPosting(id, entry.Fields, entry.Positions));
            }
        }

        return new SearchIndex(documents, postings.ToDictionary(p => p.Key, p => (IReadOnlyList<SearchPosting>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>The text of rendered HTML: tags dropped, entities decoded.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private static void Add(SortedDictionary<string, (SearchField Fields, List<int> Positions)> fields, string text, SearchField field)
    {
        foreach (var (token, _) in SearchTokenizer.Tokens(text))
        {
            var (found, positions) = Entry(fields, token);
            fields[token] = (found | field, positions);
        }
    }

    private static (SearchField Fields, List<int> Positions) Entry(SortedDictionary<string, (SearchField Fields, List<int> Positions)> fields, string token) =>
        fields.TryGetValue(token, out var entry) ? entry : (SearchField.None, new List<int>());

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
