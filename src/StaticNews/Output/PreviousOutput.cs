using StaticNews.Discovery;

namespace StaticNews.Output;

/// <summary>The output of the last successful build and the hash of each of its files, from the build cache.</summary>
public sealed record PreviousOutput(string FolderPath, IReadOnlyDictionary<string, ContentHash> FileHashes)
{
    /// <summary>
    /// The output check walking the output while the build runs: once it has ended, it says which files of
    /// <see cref="FileHashes"/> are gone, so <see cref="Has"/> need not look each file up on disk. Null when there is none:
    /// <see cref="Has"/> then looks on disk.
    /// </summary>
    internal OutputCheck? Check { get; init; }

    /// <summary>
    /// Whether the build wrote <paramref name="path"/> and the output still has it. Until <see cref="Check"/> has ended, a
    /// file the build wrote is presumed still there, so that nothing before the output's opening waits for the check: whoever
    /// decides from that presumption calls <see cref="Settle"/> before the output opens, and decides again if it failed.
    /// </summary>
    internal bool Has(string path)
    {
        if (!FileHashes.ContainsKey(path))
        {
            return false;
        }

        if (Check is not { } check)
        {
            return IsOnDisk(path);
        }

        if (!check.HasEnded)
        {
            return true;
        }

        return check.MissingFiles is { } missing ? !missing.Contains(path) : IsOnDisk(path);
    }

    /// <summary>
    /// Waits for <see cref="Check"/> and says whether every file <see cref="Has"/> presumed still there is: true when the
    /// check's walk found none of the build's files gone (or the check found the output may not be written at all: nothing
    /// will be). From then on <see cref="Has"/> answers from the walk.
    /// </summary>
    internal bool Settle() =>
        Check is not { } check || check.Problem is not null || check.MissingFiles is { Count: 0 };

    private bool IsOnDisk(string path) => File.Exists(Path.Combine(FolderPath, path));

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
