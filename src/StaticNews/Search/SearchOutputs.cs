using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Search;

/// <summary>
/// The search files of a build: the previous build's updated in place when every article kept its document id and its
/// metadata and only a few bodies changed (an edit), written from a whole index otherwise.
/// </summary>
internal static class SearchOutputs
{
    /// <summary>Past this many changed bodies in a hundred articles (and at least <see cref="MinPatched"/>), indexing them all costs less than patching.</summary>
    private const int MaxChangedPerHundred = 5;

    private const int MinPatched = 8;

    public static IReadOnlyList<OutputFile> Create(Site site, Func<DateTimeOffset, string> formatDate, string basePath, OutputReuse? reuse, SearchInputs inputs, CancellationToken cancellationToken)
    {
        if (TryUpdate(site, formatDate, basePath, reuse, inputs, cancellationToken) is { } updated)
        {
            inputs.UpdatedInPlace = true;
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
        for (var id = 0; id < articles.Count; id++)
        {
            if (now[id].Url != before[id].Url || now[id].MetadataKey != before[id].MetadataKey)
            {
                return null;
            }

            if (now[id].BodyHash == before[id].BodyHash)
            {
                continue;
            }

            if (changes.Count == mostChanges
                || inputs.PreviousTermsOf(before[id].BodyKey, before[id].BodyHash) is not { } previousTerms)
            {
                return null;
            }

            changes.Add(new SearchTermsChange(id, ArticleTerms.Of(articles[id], previousTerms), ArticleTerms.Of(articles[id], inputs.TermsOf(articles[id]))));
        }

        // Every article kept its URL and metadata, so its search result: the documents are made only for a chunk file to write.
        return SearchIndexPatch.TryWrite(articles.Count, () => SearchIndex.DocumentsOf(site, formatDate, cancellationToken), changes, previous, basePath, reuse, cancellationToken);
    }
}
