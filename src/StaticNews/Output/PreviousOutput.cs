using StaticNews.Discovery;

namespace StaticNews.Output;

/// <summary>The output of the last successful build and the hash of each of its files, from the build cache.</summary>
public sealed record PreviousOutput(string FolderPath, IReadOnlyDictionary<string, ContentHash> FileHashes)
{
    /// <summary>
    /// The files of <see cref="FileHashes"/> a walk of the output found gone, so <see cref="Has"/> need not look each file up
    /// on disk; null when the output was not walked.
    /// </summary>
    internal IReadOnlySet<string>? Missing { get; init; }

    /// <summary>Whether the build wrote <paramref name="path"/> and the output still has it.</summary>
    internal bool Has(string path) =>
        FileHashes.ContainsKey(path) && (Missing is null ? File.Exists(Path.Combine(FolderPath, path)) : !Missing.Contains(path));

    /// <summary>The file at <paramref name="path"/> as the build wrote it, or null when it is gone or no longer matches its hash.</summary>
    internal byte[]? ReadAsWritten(string path)
    {
        if (!FileHashes.TryGetValue(path, out var hash))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(Path.Combine(FolderPath, path));
            return ContentHash.Of(bytes) == hash ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
