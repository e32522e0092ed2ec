using System.CommandLine;
using StaticNews.Cli.Commands;

namespace StaticNews.Cli;

/// <summary>The command line: parses, maps usage errors to exit code 2, runs the command, turns unexpected exceptions into one clear line.</summary>
public static class StaticNewsCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("StaticNews: a static site generator for news publishers. With no command, builds the site (like 'staticnews build').");
        BuildCommand.Configure(root);
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand();
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"staticnews: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'staticnews --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled. The output folder is unchanged.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"staticnews: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
