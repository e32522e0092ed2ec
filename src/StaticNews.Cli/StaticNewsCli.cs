using System.CommandLine;
using StaticNews.Cli.Commands;

namespace StaticNews.Cli;

/// <summary>The command line: parses, maps usage errors to exit code 2, runs the command, turns unexpected exceptions into one clear line.</summary>
public static class StaticNewsCli
{
    public static RootCommand CreateRootCommand() => CreateRootCommand(ownsProcess: false);

    /// <param name="ownsProcess">The commands run in the tool's own process, so a build may tune it (see <see cref="CollectorBudget"/>).</param>
    private static RootCommand CreateRootCommand(bool ownsProcess)
    {
        var root = new RootCommand("StaticNews: a static site generator for news publishers. With no command, builds the site (like 'staticnews build').");
        BuildCommand.Configure(root, ownsProcess);
        root.Subcommands.Add(BuildCommand.Create(ownsProcess));
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, ownsProcess: false, cancellationToken);

    /// <summary>Runs as the tool's own process (its entry point): like <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, and a build may tune the process for itself.</summary>
    public static Task<int> RunAsProcessAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, Console.Out, Console.Error, ownsProcess: true, cancellationToken);

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool ownsProcess, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand(ownsProcess);
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
