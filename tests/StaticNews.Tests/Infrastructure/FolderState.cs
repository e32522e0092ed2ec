namespace StaticNews.Tests.Infrastructure;

/// <summary>What a folder holds, for "nothing else changed" assertions: every file and folder below it with a hash of each file.</summary>
public static class FolderState
{
    /// <summary>Every entry below <paramref name="root"/>, except those below <paramref name="excluded"/> folders (full paths).</summary>
    public static IReadOnlyList<string> Of(string root, params string[] excluded)
    {
        var skip = excluded.Select(e => Path.TrimEndingDirectorySeparator(Path.GetFullPath(e))).ToList();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        return [.. new DirectoryInfo(root).EnumerateFileSystemInfos("*", options)
            .Where(e => !skip.Exists(s => e.FullName == s || e.FullName.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(e => Path.GetRelativePath(root, e.FullName).Replace('\\', '/') + (e is FileInfo f ? " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f.FullName))) : "/"))
            .Order(StringComparer.Ordinal)];
    }
}
