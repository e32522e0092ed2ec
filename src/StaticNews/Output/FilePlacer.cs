using StaticNews.Incremental;
using StaticNews.Rendering;

namespace StaticNews.Output;

/// <summary>
/// Puts one file into the staging folder: a file identical to the previous output's is hard-linked from it (no bytes written,
/// timestamps kept, so rsync-style deploys upload nothing); any other file is written.
/// </summary>
internal static class FilePlacer
{
    /// <returns>The file's content hash, and whether its bytes were written.</returns>
    public static (string Hash, bool Written) Place(OutputFile file, string target, PreviousOutput? previous)
    {
        var previousHash = previous is not null && previous.FileHashes.TryGetValue(file.Path, out var known) ? known : null;
        var existing = previous is null ? null : Path.Combine(previous.FolderPath, file.Path);
        if (file.IsUnchanged)
        {
            if (previousHash is null || existing is null || !File.Exists(existing))
            {
                throw new InvalidOperationException($"'{file.Path}' was marked unchanged but the previous output does not have it.");
            }

            HardLink.LinkOrCopy(existing, target);
            return (previousHash, false);
        }

        var hash = Fingerprint.Of(file.Content.Span);
        if (previousHash == hash && existing is not null && File.Exists(existing))
        {
            HardLink.LinkOrCopy(existing, target);
            return (hash, false);
        }

        File.WriteAllBytes(target, file.Content.Span);
        return (hash, true);
    }
}
