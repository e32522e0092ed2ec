namespace StaticNews.Cli.Serving;

/// <summary>Maps a request path to a file of the snapshot the way static hosts do: "/a/" is "a/index.html"; "/a" redirects to "/a/" when only the folder exists.</summary>
internal static class SitePathResolver
{
    public static SiteLookup Resolve(string requestPath, SiteSnapshot snapshot)
    {
        var relative = requestPath.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        if (snapshot.Files.ContainsKey(relative))
        {
            return new SiteLookup(SiteLookupKind.File, relative);
        }

        return snapshot.Files.ContainsKey(relative + "/index.html")
            ? new SiteLookup(SiteLookupKind.RedirectToFolder, "/" + relative + "/")
            : new SiteLookup(SiteLookupKind.NotFound, NotFoundPage);
    }

    public const string NotFoundPage = "404.html";
}
