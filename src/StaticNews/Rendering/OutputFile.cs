namespace StaticNews.Rendering;

/// <summary>A file of the finished site: its path relative to the output folder and its bytes.</summary>
public sealed record OutputFile(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>True when the page was not rendered because its inputs did not change: the previous output's file is still right.</summary>
    public bool IsUnchanged { get; init; }

    public static OutputFile Unchanged(string path) => new(path, ReadOnlyMemory<byte>.Empty) { IsUnchanged = true };
}
