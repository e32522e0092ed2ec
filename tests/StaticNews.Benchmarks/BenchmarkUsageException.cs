namespace StaticNews.Benchmarks;

/// <summary>A benchmark command called with arguments it cannot take; the message says which and what to write instead.</summary>
internal sealed class BenchmarkUsageException(string message) : Exception(message);
