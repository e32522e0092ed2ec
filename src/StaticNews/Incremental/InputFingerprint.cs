using System.Globalization;
using StaticNews.Discovery;

namespace StaticNews.Incremental;

/// <summary>One fingerprint over everything a build reads and every option that changes its output.</summary>
internal static class InputFingerprint
{
    /// <summary>The fingerprint, and the hash of each author, article and data file's bytes by path.</summary>
    public static (string Fingerprint, Dictionary<string, ContentHash> FileHashes) Compute(SourceSet sources, BuildOptions options)
    {
        var fingerprint = OfOptions(options);
        Add(fingerprint, sources.SiteConfig);
        Add(fingerprint, sources.Categories);

        // Each file is hashed on its own, in parallel (92 MB of articles at 10,000), and the fingerprint takes the hashes in
        // order. A file left unread because it is unchanged since the last build has the hash that build found.
        var files = sources.Authors.Concat(sources.Articles).Concat(sources.Data.Values).ToArray();
        var hashes = new ContentHash[files.Length];
        ParallelWork.For(files.Length, i => hashes[i] = files[i].Unchanged?.ContentHash ?? ContentHash.Of(files[i].Bytes.Span), CancellationToken.None);
        var fileHashes = new Dictionary<string, ContentHash>(files.Length, StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            fingerprint.Add(files[i].Path).AddHash(hashes[i]);
            fileHashes[files[i].Path] = hashes[i];
        }

        foreach (var template in sources.Templates.Values)
        {
            fingerprint.Add(template.Name).Add(template.Text);
        }

        foreach (var file in sources.StaticFiles)
        {
            fingerprint.Add(file.OutputPath);
            var full = Path.Combine(sources.RootPath, file.SourcePath);
            if (File.Exists(full))
            {
                var info = new FileInfo(full);
                fingerprint.Add(info.Length).Add(info.LastWriteTimeUtc.Ticks);
            }
            else
            {
                fingerprint.Add(file.SourcePath);
            }
        }

        return (fingerprint.Add(sources.Articles.Count.ToString(CultureInfo.InvariantCulture)).Finish(), fileHashes);
    }

    /// <summary>The fingerprint of the engine and the options alone.</summary>
    public static string OptionsKey(BuildOptions options) => OfOptions(options).Finish();

    private static Fingerprint OfOptions(BuildOptions options) => new Fingerprint()
        .Add(EngineIdentity.Version)
        .Add(options.BaseUrl)
        .Add(options.IncludeDrafts ? 1 : 0)
        .Add(options.IncludeFuture ? 1 : 0)
        .Add(options.Strict ? 1 : 0);

    private static void Add(Fingerprint fingerprint, SourceFile? file)
    {
        if (file is null)
        {
            fingerprint.Add(-1);
            return;
        }

        fingerprint.Add(file.Path).Add(file.Bytes.Span);
    }
}
