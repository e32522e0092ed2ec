using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Search;

/// <summary>
/// The search files of a build: the previous build's updated in place when every article kept its document id and only a
/// few articles changed their bodies or metadata (an edit, a headline fixed), written from a whole index otherwise.
/// </summary>
internal static class SearchOutputs
{
    /// <summary>Past this many changed articles in a hundred (and at least <see cref="MinPatched"/>), indexing them all costs less than patching.</summary>
    private const int MaxChangedPerHundred = 5;

    private const int MinPatched = 8;

    public static IReadOnlyList<OutputFile> Create(Site site, Func<DateTimeOffset, string> formatDate, string basePath, OutputReuse? reuse, SearchInputs inputs, CancellationToken cancellationToken)
    {
        var updated = TryUpdate(site, formatDate, basePath, reuse, inputs, cancellationToken);
        inputs.UpdatedInPlace = updated is not null;
        if (updated is not null)
        {
            return updated;
        }

        return SearchIndexWriter.Write(SearchIndex.Build(site, formatDate, inputs.TermsOf, cancellationToken), basePath, reuse, cancellationToken);
    }

    private static IReadOnlyList<OutputFile>? TryUpdate(Site site, Func<DateTimeOffset, string> formatDate, string basePath, OutputReuse? reuse, SearchInputs inputs, CancellationToken cancellationToken)
    {
        var articles = site.Articles;
        var (now, before) = (inputs.Indexed, inputs.PreviouslyIndexed);
        if (inputs.PreviousOutput is not { } previous || now.Count != articles.Count || before.Count != articles.Count)
        {
            return null;
        }

        var changes = new List<SearchTermsChange>();
        var mostChanges = Math.Max(MinPatched, articles.Count * MaxChangedPerHundred / 100);
        var previousDocuments = new PreviousDocuments(previous);
        for (var id = 0; id < articles.Count; id++)
        {
            if (now[id].Url != before[id].Url)
            {
                return null;
            }

            var (bodyChanged, metadataChanged) = (now[id].BodyHash != before[id].BodyHash, now[id].MetadataKey != before[id].MetadataKey);
            if (!bodyChanged && !metadataChanged)
            {
                continue;
            }

            var article = articles[id];
            if (changes.Count == mostChanges
                || (bodyChanged ? inputs.PreviousTermsOf(before[id].BodyKey, before[id].BodyHash) : inputs.TermsOf(article)) is not { } previousBody)
            {
                return null;
            }

            // The metadata the previous postings were made from: the article's own when it kept its metadata, else what its
            // search result showed then.
            ArticleTerms previousTerms;
            if (!metadataChanged)
            {
                previousTerms = ArticleTerms.Of(article, previousBody);
            }
            else if (previousDocuments.Of(id, before[id].Url) is { } previousDocument)
            {
                previousTerms = ArticleTerms.Of(previousDocument, previousBody);
            }
            else
            {
                return null;
            }

            changes.Add(new SearchTermsChange(id, previousTerms, ArticleTerms.Of(article, inputs.TermsOf(article)), metadataChanged));
        }

        // Every article kept its URL, and those whose metadata changed are named: the documents are made only for a chunk file to write.
        return SearchIndexPatch.TryWrite(articles.Count, () => SearchIndex.DocumentsOf(site, formatDate, cancellationToken), changes, previous, basePath, reuse, cancellationToken);
    }
}
