namespace StaticNews.Output;

/// <summary>The output of the last successful build and the hash of each of its files, from the build cache.</summary>
public sealed record PreviousOutput(string FolderPath, IReadOnlyDictionary<string, string> FileHashes);
