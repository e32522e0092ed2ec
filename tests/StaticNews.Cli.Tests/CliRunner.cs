namespace StaticNews.Cli.Tests;

/// <summary>Runs the CLI in process, as the tool's Main does, capturing what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StaticNewsCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
