namespace StaticNews.Output;

public sealed record WriteResult(int FilesWritten, long BytesWritten);
