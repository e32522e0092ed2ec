namespace StaticNews.Cli.Serving;

/// <summary>
/// The media type the preview serves a file with, by its extension: what a built site holds (pages, feeds, the search index,
/// styles, scripts, images, fonts, media), as static hosts send them. Text types carry their charset (UTF-8, as every file the
/// engine writes); an unknown extension is sent as bytes.
/// </summary>
internal static class ContentTypes
{
    private const string Bytes = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".css"] = "text/css",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".json"] = "application/json",
        [".map"] = "application/json",
        [".webmanifest"] = "application/manifest+json",
        [".xml"] = "text/xml",
        [".rss"] = "application/rss+xml",
        [".atom"] = "application/atom+xml",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".md"] = "text/markdown",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".pdf"] = "application/pdf",
        [".mp3"] = "audio/mpeg",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".wasm"] = "application/wasm",
        [".zip"] = "application/zip",
    };

    /// <summary>The Content-Type header for the site file at <paramref name="path"/>.</summary>
    public static string Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/manifest+json" or "image/svg+xml" or "application/rss+xml" or "application/atom+xml"
                ? type + "; charset=utf-8"
                : type
            : Bytes;
}
