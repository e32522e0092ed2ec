using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>
/// Reads each article file into a draft: its front matter parsed and checked. A file whose front matter is the same as at the
/// last build is taken from the <see cref="DraftCache"/> (diagnostics included) instead of being parsed again.
/// </summary>
internal sealed class DraftReader(SiteConfig config, UrlBuilder urls, DraftCache cache)
{
    /// <summary>
    /// What a draft kept for the cache points to instead of its file: the cache does not store the file, and holding every
    /// article's bytes until the cache is saved would raise the build's peak memory.
    /// </summary>
    private static readonly SourceSplit Unread = new(new SourceFile(string.Empty, ReadOnlyMemory<byte>.Empty), string.Empty, 2, 1, string.Empty, 0);

    private int _parsed;

    /// <summary>How many files' front matter was parsed (not taken from the cache) so far.</summary>
    public int Parsed => _parsed;

    /// <returns>
    /// The draft, or null when the file has errors; what the cache should keep of it; and how the file was cut in two, which
    /// the next build takes instead of reading the file again if it is unchanged.
    /// </returns>
    public (ArticleDraft? Draft, CachedDraft? ForCache, SplitFacts? Split) Read(SourceFile file, DiagnosticBag diagnostics)
    {
        if (ContentParser.SplitSource(file, diagnostics) is not { } split)
        {
            return (null, null, null);
        }

        Span<char> key = stackalloc char[Fingerprint.HexLength];
        DraftCache.KeyOf(split, key);
        if (cache.Find(key, split) is var (cachedDraft, entry))
        {
            foreach (var diagnostic in entry.Diagnostics)
            {
                diagnostics.Add(diagnostic.ToDiagnostic());
            }

            return (cachedDraft, entry, split.Facts);
        }

        Interlocked.Increment(ref _parsed);
        var local = new DiagnosticBag();
        var yaml = YamlLoader.Load(file.Path, split.Yaml, split.YamlFirstLine, local);
        var draft = yaml.Root is null ? null : ArticleDraftReader.Read(yaml, split, config, urls, local);
        var reported = local.ToSortedList();
        foreach (var diagnostic in reported)
        {
            diagnostics.Add(diagnostic);
        }

        return draft is null ? (null, null, split.Facts) : (draft, new CachedDraft(key.ToString(), draft with { Source = Unread }, [.. reported.Select(CachedDiagnostic.From)]), split.Facts);
    }
}
