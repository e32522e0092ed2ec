using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>
/// Where the files of a site go as each is ready: into memory (preview, check) or straight into the staging folder (build),
/// so a build never holds the whole site in memory.
/// </summary>
internal interface IOutputSink
{
    /// <summary>Called once, before any file, with every path the site will have. False when the files must not be written (the reasons are reported as diagnostics).</summary>
    bool Open(IReadOnlySet<string> paths);

    /// <summary>
    /// True when the sink holds a file's bytes after <see cref="Add"/> returns: it must then be given bytes of their own.
    /// False when it is done with them on return, so a page may be handed over in the buffer it was rendered into.
    /// </summary>
    bool KeepsContent { get; }

    /// <summary>Takes one file; called from several threads at once.</summary>
    void Add(OutputFile file);

    /// <summary>
    /// Takes a file whose last build's output stands (as <see cref="Add"/> would take <see cref="OutputFile.Unchanged"/>):
    /// most pages of an edit, so without a file made for each.
    /// </summary>
    void AddUnchanged(string path);
}
