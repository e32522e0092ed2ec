namespace StaticNews.Output;

/// <summary>The output folder and its siblings that StaticNews owns: staging (the next build) and old (the previous one, during the swap).</summary>
public sealed record OutputFolder(string Path)
{
    public const string MarkerFileName = ".staticnews-output";
    public const string MarkerText = "This folder is written by StaticNews. Each build replaces it whole; do not keep your own files here.\n";

    public string Parent => System.IO.Path.GetDirectoryName(Path) ?? Path;

    public string Name => System.IO.Path.GetFileName(Path);

    public string StagingPath => System.IO.Path.Combine(Parent, "." + Name + ".staging");

    public string OldPath => System.IO.Path.Combine(Parent, "." + Name + ".old");

    public string CachePath => System.IO.Path.Combine(Parent, "." + Name + ".cache");

    public static bool HasMarker(string folder) => File.Exists(System.IO.Path.Combine(folder, MarkerFileName));
}
