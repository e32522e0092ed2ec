using System.CommandLine;
using StaticNews.Cli.Serving;
using StaticNews.Discovery;

namespace StaticNews.Cli.Commands;

/// <summary><c>staticnews serve [SOURCE] [--port N]</c>: a live preview on 127.0.0.1, built in memory, rebuilt and reloaded on every save.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create()
    {
        var command = new Command("serve", "Preview the site on http://127.0.0.1: rebuilds on every change and reloads open tabs. Writes nothing to disk.");
        var source = new Argument<string?>("source")
        {
            Description = "The site folder (holding site.yml). Default: the current folder if it holds site.yml, else ./site.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var drafts = new Option<bool>("--drafts") { Description = "Include articles marked 'draft: true'." };
        var future = new Option<bool>("--future") { Description = "Include articles dated in the future." };
        command.Arguments.Add(source);
        command.Options.Add(port);
        command.Options.Add(drafts);
        command.Options.Add(future);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var root = SourceLocator.Resolve(result.GetValue(source));
            if (!File.Exists(Path.Combine(root, SiteLayout.SiteConfigFile)))
            {
                await stderr.WriteLineAsync($"staticnews: no {SiteLayout.SiteConfigFile} in '{root}'; name a site folder or create one with 'staticnews init DIR'.").ConfigureAwait(false);
                return ExitCodes.BuildFailed;
            }

            var state = new PreviewState();
            await using var server = new PreviewServer(state);
            var url = await server.StartAsync(result.GetValue(port), cancellationToken).ConfigureAwait(false);
            using var watcher = new SourceWatcher(root);
            var options = new BuildOptions
            {
                SourcePath = root,
                BaseUrl = url.ToString(),
                IncludeDrafts = result.GetValue(drafts),
                IncludeFuture = result.GetValue(future),
            };
            await stdout.WriteLineAsync($"Serving {BuildCommand.Relative(root)} at {url} (from memory; the output folder is not touched). Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await new PreviewSession(options, state, stdout, stderr).RunAsync(watcher, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: stop below.
            }

            await server.StopAsync().ConfigureAwait(false);
            await stdout.WriteLineAsync("Stopped.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
