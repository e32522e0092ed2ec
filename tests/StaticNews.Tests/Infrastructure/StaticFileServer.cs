using System.Net;
using System.Net.Sockets;

namespace StaticNews.Tests.Infrastructure;

/// <summary>A tiny static file server on 127.0.0.1 for browser tests: serves a built site folder as a web server would (index.html for folders).</summary>
public sealed class StaticFileServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".xml"] = "application/xml",
    };

    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _mount;

    /// <param name="root">The built site folder.</param>
    /// <param name="mount">The URL path the folder is served under, such as "/news/" for a site built with that base path.</param>
    public StaticFileServer(string root, string mount = "/")
    {
        _root = Path.GetFullPath(root);
        _mount = mount;
        var port = FreePort();
        Origin = $"http://127.0.0.1:{port}/";
        BaseUrl = Origin + mount.TrimStart('/');
        _listener.Prefixes.Add(Origin);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The site's home: the origin plus the mount path.</summary>
    public string BaseUrl { get; }

    public string Origin { get; }

    /// <summary>Every path asked for, in order: shows which index files a query fetched.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            Requests.Enqueue(path);
            if (!path.StartsWith(_mount, StringComparison.Ordinal))
            {
                response.StatusCode = 404;
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(_root, path[_mount.Length..]));
            if (Directory.Exists(file))
            {
                file = Path.Combine(file, "index.html");
            }

            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file);
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
