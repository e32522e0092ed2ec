using StaticNews.Output;

namespace StaticNews.Benchmarks;

/// <summary>The benchmark's own folders (generated sites, outputs, copies of the CLI), removed between runs.</summary>
internal static class Folders
{
    /// <summary>Deletes the folder at <paramref name="path"/> and everything in it, if it is there.</summary>
    public static void DeleteIfPresent(string path)
    {
        if (Directory.Exists(path))
        {
            FolderTree.Delete(path);
        }
    }
}
