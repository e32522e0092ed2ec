using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews;

/// <summary>What a build did: its diagnostics, and when it got that far, the model, the files and the time each stage took.</summary>
public sealed record BuildResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public SiteModel? Model { get; init; }
    /// <summary>
    /// The files of a render or check, in memory. Empty after a build: a build streams each file to disk as it is rendered,
    /// so it never holds the whole site; read its files from <see cref="OutputPath"/>.
    /// </summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];

    /// <summary>Files whose bytes this build wrote; unchanged files are kept from the previous output instead.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Files identical to the previous output's, kept by hard link (same bytes, same timestamps).</summary>
    public int FilesKept { get; init; }

    /// <summary>Pages rendered through their templates; the others were taken, unchanged, from the previous build.</summary>
    public int PagesRendered { get; init; }

    /// <summary>Article bodies rendered from Markdown.</summary>
    public int BodiesRendered { get; init; }

    /// <summary>Article bodies taken from the build cache instead: same file, dateline and linked articles as last time.</summary>
    public int BodiesReused { get; init; }

    /// <summary>Articles whose front matter was parsed.</summary>
    public int FrontMattersParsed { get; init; }

    /// <summary>Articles whose front matter was taken, as read last time, from the build cache instead.</summary>
    public int FrontMattersReused { get; init; }

    /// <summary>True when the related-article lists were taken from the build cache: no article's place, date, tags, category or picks changed.</summary>
    public bool RelatedReused { get; init; }

    /// <summary>
    /// How many pages, feeds and sitemaps kept the previous build's fingerprint without it being computed again: when nothing
    /// but some articles' bodies changed, every file that shows none of them.
    /// </summary>
    public int FingerprintsKept { get; init; }

    /// <summary>
    /// True when the dates were written with the site's language's calendar texts as the build cache kept them, without loading
    /// them from ICU (only where something identifies the culture data: see <see cref="BuildOptions.CultureDataIdentity"/>).
    /// </summary>
    public bool CalendarReused { get; init; }

    /// <summary>Whether the search files were updated in place from the previous build's (only changed bodies indexed again) rather than written from a whole index.</summary>
    public bool SearchUpdatedInPlace { get; init; }

    /// <summary>True when nothing the build reads changed since the last successful build: nothing was parsed, rendered or written.</summary>
    public bool UpToDate { get; init; }

    /// <summary>Up to date told by the size and time stamp of every site file, without reading any (see the build cache's source stamps).</summary>
    public bool UnreadSources { get; init; }

    /// <summary>Articles this build never read: unchanged since the last build by size and time stamp, and all it needed of them cached.</summary>
    public int ArticlesUnread { get; init; }

    /// <summary>From <see cref="SiteGenerator.RenderAsync(BuildOptions, Incremental.RenderMemo?, CancellationToken)"/>: what the next in-memory render may reuse.</summary>
    public Incremental.RenderMemo? Memo { get; init; }
    public long BytesWritten { get; init; }
    public required string OutputPath { get; init; }
    public IReadOnlyDictionary<BuildStage, TimeSpan> StageTimes { get; init; } = new Dictionary<BuildStage, TimeSpan>();

    public bool Succeeded => !Diagnostics.Any(d => d.IsError) && (UpToDate || Model is not null);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public IReadOnlyDictionary<PageKind, int> PagesByKind =>
        Model is null ? new Dictionary<PageKind, int>() : Model.Pages.GroupBy(p => p.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
