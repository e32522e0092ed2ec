using System.Collections.Concurrent;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>Keeps every file in memory, for the preview server and for check.</summary>
internal sealed class MemorySink : IOutputSink
{
    private readonly ConcurrentBag<OutputFile> _files = [];

    /// <summary>The files taken, in ordinal order of their paths.</summary>
    public IReadOnlyList<OutputFile> Files => [.. _files.OrderBy(f => f.Path, StringComparer.Ordinal)];

    public bool KeepsContent => true;

    public bool Open(IReadOnlySet<string> paths) => true;

    public void Add(OutputFile file) => _files.Add(file);

    public void AddUnchanged(string path) => Add(OutputFile.Unchanged(path));
}
