namespace StaticNews.Cli.Serving;

internal enum SiteLookupKind
{
    File,
    RedirectToFolder,
    NotFound,
}
