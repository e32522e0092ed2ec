using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// The pages a build renders again, when they are few (an edit's): rendered on a pool thread while the feeds, sitemaps and
/// search files are made, instead of after them, and held until the output opens. Rendering the one page of a one-article
/// edit is mostly the templates' first use (10 ms of a core at 1,000 articles), which would otherwise follow the feeds
/// with the other core idle. A larger rebuild renders its pages as they go to the output, as before, so it never holds them.
/// Every page not rendered early is one the previous output has unchanged: the pages are compared with it once, here.
/// </summary>
internal sealed class EarlyPages
{
    /// <summary>At most this many pages are rendered early: more would be a large rebuild, whose pages are not held.</summary>
    public const int Most = 64;

    private readonly PoolWork<Dictionary<int, (ReadOnlyMemory<byte>? Html, PageReads Reads)>> _rendered;

    private EarlyPages(PoolWork<Dictionary<int, (ReadOnlyMemory<byte>? Html, PageReads Reads)>> rendered)
    {
        _rendered = rendered;
    }

    /// <summary>
    /// Starts rendering the pages of <paramref name="pages"/> that <paramref name="reuse"/> does not have unchanged, through
    /// the renderer <paramref name="renderer"/> gives once set up; null when nothing is reused or more than <see cref="Most"/>
    /// pages must be rendered. <paramref name="bytesOf"/> gives a rendered page's bytes to keep (its render buffer is reused).
    /// </summary>
    public static EarlyPages? Start(IReadOnlyList<Page> pages, OutputReuse? reuse, PoolWork<PageRenderer> renderer, Func<ReadOnlyMemory<byte>, Page, ReadOnlyMemory<byte>> bytesOf, CancellationToken cancellationToken)
    {
        if (reuse is null)
        {
            return null;
        }

        var changed = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            if (!reuse.IsUnchanged(pages[i].OutputPath))
            {
                changed.Add(i);
                if (changed.Count > Most)
                {
                    return null;
                }
            }
        }

        return new EarlyPages(ParallelWork.Start(() => Render(pages, changed, renderer.Result, bytesOf, cancellationToken)));
    }

    /// <summary>
    /// The page at <paramref name="index"/> of the pages as rendered early: its bytes, null when its template failed
    /// (reported as a diagnostic), and what it read of articles. False for a page unchanged since the previous output, which
    /// was not rendered. Waits for the early pages.
    /// </summary>
    public bool TryTake(int index, out ReadOnlyMemory<byte>? html, out PageReads reads)
    {
        if (_rendered.Result.TryGetValue(index, out var page))
        {
            (html, reads) = page;
            return true;
        }

        (html, reads) = (null, PageReads.None);
        return false;
    }

    /// <summary>Waits for the early pages to be rendered, so nothing renders after the build returns; their exceptions are left to <see cref="TryTake"/>.</summary>
    public void Wait() => _rendered.Wait();

    private static Dictionary<int, (ReadOnlyMemory<byte>? Html, PageReads Reads)> Render(IReadOnlyList<Page> pages, List<int> changed, PageRenderer renderer, Func<ReadOnlyMemory<byte>, Page, ReadOnlyMemory<byte>> bytesOf, CancellationToken cancellationToken)
    {
        var rendered = new Dictionary<int, (ReadOnlyMemory<byte>? Html, PageReads Reads)>(changed.Count);
        foreach (var index in changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = pages[index];
            ReadOnlyMemory<byte>? html = null;
            renderer.Render(page, out var reads, bytes => html = bytesOf(bytes, page));
            rendered[index] = (html, reads);
        }

        return rendered;
    }
}
