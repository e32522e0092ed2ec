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
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
        [".webmanifest"] = "application/manifest+json; charset=utf-8",
        [".xml"] = "text/xml; charset=utf-8",
        [".rss"] = "application/rss+xml; charset=utf-8",
        [".atom"] = "application/atom+xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".svg"] = "image/svg+xml; charset=utf-8",
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
    public static string Of(string path) => ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : Bytes;
}
