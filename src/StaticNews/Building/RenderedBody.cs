using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Model;
using StaticNews.Parsing;
using StaticNews.Search;

namespace StaticNews.Building;

/// <summary>
/// An article body rendered to HTML, with the diagnostics the render reported, the articles it looked up and its search
/// terms: all a later build needs to reuse it instead of rendering and tokenizing the Markdown again. The terms of a body
/// from the cache are decoded only when asked for: a body edit indexes only the changed bodies.
/// </summary>
internal sealed record RenderedBody(string Key, TrustedHtml Html, int WordCount, IReadOnlyList<CachedDiagnostic> Diagnostics, IReadOnlyList<BodyLink> Links, Lazy<BodyTerms> LazyTerms)
{
    private ContentHash _htmlHash;
    private volatile bool _hasHtmlHash;

    public RenderedBody(string key, TrustedHtml html, int wordCount, IReadOnlyList<CachedDiagnostic> diagnostics, IReadOnlyList<BodyLink> links, BodyTerms terms)
        : this(key, html, wordCount, diagnostics, links, new Lazy<BodyTerms>(terms))
    {
    }

    public BodyTerms Terms => LazyTerms.Value;

    /// <summary>The hash of the HTML's UTF-8 bytes (<see cref="ContentHash.Of"/>): stored with a cached body, computed once for a rendered one.</summary>
    public ContentHash HtmlHash
    {
        get
        {
            // Threads asking at once each compute the same value; the flag is set after the value, so none reads half of it.
            if (!_hasHtmlHash)
            {
                _htmlHash = ContentHash.Of(Html.Utf8Bytes());
                _hasHtmlHash = true;
            }

            return _htmlHash;
        }

        init => (_htmlHash, _hasHtmlHash) = (value, true);
    }

    /// <summary>Set when the body came from the cache: where its bytes are, to be copied as they are into the next cache.</summary>
    public StoredEntry? Stored { get; init; }

    /// <summary>What the render reads from its own file: the path and first line (diagnostic locations), the Markdown and the dateline.</summary>
    /// <remarks>Written into <paramref name="key"/> (<see cref="Fingerprint.HexLength"/> characters): looked up as such in the cache.</remarks>
    public static void KeyOf(SourceSplit source, string? dateline, Span<char> key) =>
        new Fingerprint().Add(source.File.Path).Add(source.BodyFirstLine).Add(source.BodyFingerprint).Add(dateline).FinishInto(key);
}
