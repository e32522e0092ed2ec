namespace StaticNews.Discovery;

/// <summary>A file copied as is: where it lands in the output and where its bytes come from.</summary>
public sealed record StaticFile(string OutputPath, string SourcePath, Func<ReadOnlyMemory<byte>> ReadBytes);
