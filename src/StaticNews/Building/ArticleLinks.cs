using System.Diagnostics.CodeAnalysis;

namespace StaticNews.Building;

/// <summary>
/// The article lookups of one body render ('ref:' links and also-read shortcodes), recorded so that a cached body is reused
/// only while every article it links to, or failed to find, is still as it was.
/// </summary>
internal sealed class ArticleLinks(IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
{
    private readonly List<BodyLink> _lookedUp = [];

    public IReadOnlyList<BodyLink> LookedUp => _lookedUp;

    public bool TryGet(string slug, [NotNullWhen(true)] out ArticleTarget? target)
    {
        var found = articlesBySlug.TryGetValue(slug, out target);
        _lookedUp.Add(new BodyLink(slug, target?.Title, target?.Url));
        return found;
    }
}
