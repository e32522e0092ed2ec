namespace StaticNews.Rendering;

/// <summary>A file of the finished site: its path relative to the output folder and its bytes.</summary>
public sealed record OutputFile(string Path, ReadOnlyMemory<byte> Content);
