using System.Globalization;
using System.Net;
using System.Text;
using StaticNews.Diagnostics;

namespace StaticNews.Cli.Serving;

/// <summary>
/// What serve mode adds to HTML pages: a script that reloads the tab when a new build is served (server-sent events),
/// and, while the last rebuild failed, an overlay listing its errors. Built sites never contain either.
/// </summary>
internal static class LiveReload
{
    public const string Prefix = "/__staticnews/";
    public const string EventsPath = Prefix + "events";
    public const string ScriptPath = Prefix + "live.js";

    /// <summary>Reconnects to the event stream (also after the server restarts) and reloads when the served build differs from the page's.</summary>
    public const string Script = """
        (() => {
          const version = document.currentScript.dataset.version;
          const events = new EventSource("/__staticnews/events?v=" + encodeURIComponent(version));
          events.addEventListener("reload", () => { events.close(); location.reload(); });
        })();

        """;

    public static byte[] Inject(ReadOnlySpan<byte> html, SiteSnapshot snapshot)
    {
        var text = Encoding.UTF8.GetString(html);
        var snippet = Snippet(snapshot);
        var close = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(close < 0 ? text + snippet : string.Concat(text.AsSpan(0, close), snippet, text.AsSpan(close)));
    }

    /// <summary>The page served for every path while no build has ever succeeded.</summary>
    public static byte[] ErrorPage(SiteSnapshot snapshot) =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build failed</title></head>\n<body>\n{Snippet(snapshot)}</body>\n</html>\n");

    private static string Snippet(SiteSnapshot snapshot)
    {
        var html = new StringBuilder();
        if (snapshot.HasErrors)
        {
            html.Append(Overlay(snapshot.Errors));
        }

        html.Append(CultureInfo.InvariantCulture, $"<script src=\"{ScriptPath}\" data-version=\"{snapshot.Version}\"></script>\n");
        return html.ToString();
    }

    private static string Overlay(IReadOnlyList<Diagnostic> errors)
    {
        var html = new StringBuilder();
        html.Append("<div id=\"staticnews-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(32,0,0,.94);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"margin:0 0 .5rem;color:#ff8a80;font-size:1.4rem\">Build failed: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}</h2>");
        html.Append("<p style=\"margin:0 0 1rem\">This page is from the last good build. Fix the file and save it: the page reloads by itself.</p><ol style=\"margin:0;padding-left:1.5rem\">");
        foreach (var error in errors)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li style=\"margin:.5rem 0\"><strong>{Encode(error.Location.ToString())}</strong> {Encode(error.Code)}: {Encode(error.Message)}</li>");
        }

        return html.Append("</ol></div>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
