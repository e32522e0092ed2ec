using StaticNews.Discovery;

namespace StaticNews.Cli;

/// <summary>Finds the site to build when none is named: the current folder when it holds site.yml, else ./site (the repository's sample).</summary>
internal static class SourceLocator
{
    public static string Resolve(string? source)
    {
        if (!string.IsNullOrWhiteSpace(source))
        {
            return Path.GetFullPath(source);
        }

        var current = Environment.CurrentDirectory;
        return File.Exists(Path.Combine(current, SiteLayout.SiteConfigFile)) ? current : Path.Combine(current, "site");
    }
}
