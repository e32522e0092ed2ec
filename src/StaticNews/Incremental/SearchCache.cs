namespace StaticNews.Incremental;

/// <summary>
/// The articles the last successful build indexed for search, in document order, as <see cref="IndexedArticle"/>s: a build
/// whose articles keep their places and metadata updates the search files in place, from the bodies that changed, instead
/// of indexing every article again. Guarded like the other caches; any mismatch or damage means an empty list.
/// </summary>
internal sealed class SearchCache
{
    public const string FileName = "search.bin";

    private const string Magic = "StaticNews search";
    /// <summary>2: metadata keys cover the article's date too.</summary>
    private const int FormatVersion = 4;
    private const string EntryKey = "articles";

    private SearchCache(IReadOnlyList<IndexedArticle> articles)
    {
        Articles = articles;
    }

    public static SearchCache Empty => new([]);

    public IReadOnlyList<IndexedArticle> Articles { get; }

    public static SearchCache Load(string folder, string context)
    {
        var file = EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, context);
        if (!file.TryGet(EntryKey, out var entry))
        {
            return Empty;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            var count = reader.Read7BitEncodedInt();
            if (count > entry.Length)
            {
                return Empty;
            }

            var articles = new IndexedArticle[count];
            for (var i = 0; i < articles.Length; i++)
            {
                articles[i] = new IndexedArticle(reader.ReadString(), reader.ReadContentHash(), reader.ReadContentHash(), reader.ReadString());
            }

            return new SearchCache(articles);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return Empty;
        }
    }

    public static void Save(string path, string context, IReadOnlyList<IndexedArticle> articles)
    {
        EntryFile.Save(path, Magic, FormatVersion, context, [articles], _ => EntryKey, (writer, all) =>
        {
            writer.Write7BitEncodedInt(all.Count);
            foreach (var article in all)
            {
                writer.Write(article.Url);
                writer.Write(article.MetadataKey.High);
                writer.Write(article.MetadataKey.Low);
                writer.Write(article.BodyHash.High);
                writer.Write(article.BodyHash.Low);
                writer.Write(article.BodyKey);
            }
        }, () => []);
    }
}
