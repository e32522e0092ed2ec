using System.CommandLine;
using StaticNews.Cli.Commands;

namespace StaticNews.Cli;

/// <summary>The command line: parses, maps usage errors to exit code 2, runs the command, turns unexpected exceptions into one clear line.</summary>
public static class StaticNewsCli
{
    private const string Description = "StaticNews: a static site generator for news publishers. With no command, builds the site (like 'staticnews build').";

    /// <summary>The name of the plain command that stands for the root when the command line needs none of what only the root has.</summary>
    private const string PlainRootName = "staticnews";

    public static RootCommand CreateRootCommand() => (RootCommand)CreateRootCommand(ownsProcess: false, plain: false);

    /// <param name="ownsProcess">The commands run in the tool's own process, so a build may tune it (see <see cref="CollectorBudget"/>).</param>
    /// <param name="plain">A plain command as the root, without the help and version options and the directives (see <see cref="NeedsRootCommand"/>).</param>
    internal static Command CreateRootCommand(bool ownsProcess, bool plain)
    {
        var root = plain ? new Command(PlainRootName, Description) : new RootCommand(Description);
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

    /// <summary>
    /// Whether <paramref name="args"/> may ask for what only System.CommandLine's <see cref="RootCommand"/> has: its help and
    /// version options, its directives, response files, or a first argument equal to the plain root's name (which a plain root
    /// would take as itself). Making those options finds their texts in System.CommandLine's resources and the executable's
    /// name by reflection, the first use of reflection in the process: a command line that asks for none of them is parsed by a
    /// plain command with the same subcommands, arguments and options (an unchanged 1,000-article build 0.9 ms shorter; in an
    /// edit, the templates' first member read by reflection pays that first use instead).
    /// </summary>
    internal static bool NeedsRootCommand(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], PlainRootName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var arg in args)
        {
            if (arg is "-h" or "--help" or "-?" or "/?" or "/h" or "--version" || arg.StartsWith('[') || arg.StartsWith('@'))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool ownsProcess, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand(ownsProcess, plain: !NeedsRootCommand(args));
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
