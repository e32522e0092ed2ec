using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StaticNews.Cli.Serving;

/// <summary>Kestrel on 127.0.0.1 serving the current <see cref="SiteSnapshot"/> from memory, plus the live-reload script and event stream.</summary>
internal sealed class PreviewServer(PreviewState state) : IAsyncDisposable
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private WebApplication? _app;

    /// <summary>Binds to 127.0.0.1 (never to other interfaces) and starts answering; port 0 picks a free port. Returns the site's root URL.</summary>
    public async Task<Uri> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.WebHost.UseSetting(WebHostDefaults.SuppressStatusMessagesKey, "true");
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound.Port}/"));
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value ?? "/";
        if (path == LiveReload.EventsPath)
        {
            await StreamEventsAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == LiveReload.ScriptPath)
        {
            response.ContentType = "text/javascript; charset=utf-8";
            await response.WriteAsync(LiveReload.Script, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await state.FirstBuildAsync(context.RequestAborted).ConfigureAwait(false);
        var snapshot = state.Current;
        if (snapshot.Files.Count == 0)
        {
            await WriteAsync(response, StatusCodes.Status500InternalServerError, "text/html; charset=utf-8", LiveReload.ErrorPage(snapshot), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var lookup = SitePathResolver.Resolve(path, snapshot);
        switch (lookup.Kind)
        {
            case SiteLookupKind.RedirectToFolder:
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = lookup.Target + request.QueryString;
                return;
            case SiteLookupKind.NotFound when !snapshot.Files.ContainsKey(lookup.Target):
                await WriteAsync(response, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", "Not found (the site has no 404.html)."u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
                return;
        }

        var status = lookup.Kind == SiteLookupKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        var content = snapshot.Files[lookup.Target];
        var contentType = ContentTypeOf(lookup.Target);
        var body = contentType.StartsWith("text/html", StringComparison.Ordinal) ? LiveReload.Inject(content.Span, snapshot) : content;
        await WriteAsync(response, status, contentType, body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    private string ContentTypeOf(string path)
    {
        if (!_contentTypes.TryGetContentType(path, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml" or "application/xml"
            ? type + "; charset=utf-8"
            : type;
    }

    /// <summary>Server-sent events: "reload" whenever a build other than the page's own is served; a comment now and then keeps proxies from closing the stream.</summary>
    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = cancel.Token;
        response.ContentType = "text/event-stream";
        response.Headers.Connection = "keep-alive";
        using var subscription = state.Reloads.Subscribe();
        try
        {
            await response.WriteAsync("retry: 1000\n\n", cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            var pageVersion = long.TryParse(context.Request.Query["v"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
            var current = state.Current.Version;
            if (pageVersion >= 0 && current != pageVersion && current > 0)
            {
                await SendReloadAsync(response, current, cancellationToken).ConfigureAwait(false);
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAliveInterval);
                try
                {
                    var version = await subscription.Versions.ReadAsync(wait.Token).ConfigureAwait(false);
                    await SendReloadAsync(response, version, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
                    await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed or the server is stopping: the stream simply ends.
        }
    }

    private static async Task SendReloadAsync(HttpResponse response, long version, CancellationToken cancellationToken)
    {
        await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: reload\ndata: {version}\n\n"), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
