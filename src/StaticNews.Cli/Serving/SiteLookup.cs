namespace StaticNews.Cli.Serving;

/// <summary>What a request path leads to: a file of the snapshot, a redirect to the folder form of the path, or the not-found page.</summary>
internal sealed record SiteLookup(SiteLookupKind Kind, string Target);
