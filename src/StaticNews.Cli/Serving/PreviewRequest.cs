using System.Text;

namespace StaticNews.Cli.Serving;

/// <summary>
/// The head of an HTTP/1.x request as the preview server needs it: the method, the path (percent-decoded) and query of its
/// target, whether it carries a body, and whether the connection stays open after the answer.
/// </summary>
internal sealed record PreviewRequest(string Method, string Path, string Query, bool HasBody, bool KeepAlive)
{
    /// <summary>The longest request head read (the request line and its headers); a browser's is a few hundred bytes.</summary>
    public const int MaxHeadBytes = 16 * 1024;

    public bool IsHead => Method == "HEAD";

    /// <summary>The value of <paramref name="name"/> in the query string, percent-decoded; null when absent.</summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(name))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the next request head of a connection from <paramref name="stream"/>, with <paramref name="buffer"/> holding what
    /// was read past the previous head: no request when the connection closed before one began; malformed when the head is
    /// cut short, unreadable or longer than <see cref="MaxHeadBytes"/> (the caller answers 400 and closes).
    /// </summary>
    public static async Task<(PreviewRequest? Request, bool Malformed)> ReadAsync(Stream stream, RequestBuffer buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = buffer.Filled.Span.IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var request = Parse(Encoding.ASCII.GetString(buffer.Filled.Span[..end]));
                buffer.Consume(end + 4);
                return (request, request is null);
            }

            if (buffer.IsFull)
            {
                return (null, true);
            }

            if (await buffer.FillAsync(stream, cancellationToken).ConfigureAwait(false) == 0)
            {
                return (null, !buffer.Filled.IsEmpty);
            }
        }
    }

    private static PreviewRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        if (lines[0].Split(' ') is not [var method, var target, var version] || !version.StartsWith("HTTP/1.", StringComparison.Ordinal) || !target.StartsWith('/'))
        {
            return null;
        }

        var keepAlive = version != "HTTP/1.0";
        var hasBody = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                keepAlive = value.Equals("keep-alive", StringComparison.OrdinalIgnoreCase) || (keepAlive && !value.Equals("close", StringComparison.OrdinalIgnoreCase));
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && value != "0"))
            {
                hasBody = true;
            }
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        return new PreviewRequest(method, Uri.UnescapeDataString(path), query < 0 ? string.Empty : target[query..], hasBody, keepAlive);
    }
}
