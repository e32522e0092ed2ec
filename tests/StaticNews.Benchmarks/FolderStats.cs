namespace StaticNews.Benchmarks;

/// <summary>How many HTML pages and bytes a build wrote.</summary>
internal sealed record FolderStats(int HtmlPages, int Files, long Bytes)
{
    public static FolderStats Of(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new FolderStats(0, 0, 0);
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return new FolderStats(files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), files.Length, files.Sum(f => new FileInfo(f).Length));
    }
}
