using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>What a partial read as it rendered: articles (once or more), their bodies apart, authors, and the site's lists.</summary>
internal sealed record PartialReads(Article[] Articles, Article[] Bodies, Author[] Authors, SiteLists Lists)
{
    public static PartialReads None { get; } = new([], [], [], SiteLists.None);

    public bool IsEmpty => Articles.Length == 0 && Bodies.Length == 0 && Authors.Length == 0 && Lists == SiteLists.None;
}
