namespace StaticNews.Discovery;

/// <summary>A file read from the site folder: its path relative to the site (with '/' separators) and its bytes.</summary>
public sealed record SourceFile(string Path, ReadOnlyMemory<byte> Bytes);
