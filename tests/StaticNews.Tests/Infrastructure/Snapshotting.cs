using System.Security.Cryptography;

namespace StaticNews.Tests.Infrastructure;

public static class Snapshotting
{
    /// <summary>Every file below a folder with a hash of its bytes, sorted: equal when the folders are byte-identical.</summary>
    public static IReadOnlyList<string> Folder(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/') + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)];
}
