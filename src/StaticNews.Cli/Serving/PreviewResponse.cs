using System.Globalization;
using System.Net;
using System.Text;

namespace StaticNews.Cli.Serving;

/// <summary>An answer of the preview server: status, body and the few headers it sends. Never cached by the browser: every save changes the site.</summary>
internal sealed record PreviewResponse(HttpStatusCode Status, string? ContentType = null, ReadOnlyMemory<byte> Body = default)
{
    /// <summary>Where a redirect leads.</summary>
    public string? Location { get; init; }

    /// <summary>The methods allowed, for a method the server does not answer.</summary>
    public string? Allow { get; init; }

    /// <summary>Whether the connection ends after this answer.</summary>
    public bool Close { get; init; }

    /// <summary>Writes the answer to a request; to a HEAD request, without its body (its length is still told).</summary>
    public async Task WriteAsync(Stream stream, bool head, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        StatusLine(text, Status);
        text.Append("Cache-Control: no-store\r\n");
        if (ContentType is not null)
        {
            text.Append("Content-Type: ").Append(ContentType).Append("\r\n");
        }

        if (Location is not null)
        {
            text.Append("Location: ").Append(Location).Append("\r\n");
        }

        if (Allow is not null)
        {
            text.Append("Allow: ").Append(Allow).Append("\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
        text.Append(Close ? "Connection: close\r\n\r\n" : "\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        if (!head && !Body.IsEmpty)
        {
            await stream.WriteAsync(Body, cancellationToken).ConfigureAwait(false);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the head of an answer whose body is a stream of unknown length, which ends with the connection.</summary>
    public static async Task WriteStreamHeadAsync(Stream stream, string contentType, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        StatusLine(text, HttpStatusCode.OK);
        text.Append("Cache-Control: no-store\r\nContent-Type: ").Append(contentType).Append("\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void StatusLine(StringBuilder text, HttpStatusCode status) =>
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)status} {ReasonOf(status)}\r\n");

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK => "OK",
        HttpStatusCode.MovedPermanently => "Moved Permanently",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.MethodNotAllowed => "Method Not Allowed",
        _ => "Internal Server Error",
    };
}
