using System.CommandLine;

namespace StaticNews.Cli.Commands;

/// <summary><c>staticnews check [SOURCE]</c>: everything a build validates, templates rendered too, without writing anything.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Validate the site as a build would, without writing output.");
        var common = new CommonOptions();
        common.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = common.ToBuildOptions(result, output: null);
            var check = await SiteGenerator.CheckAsync(options, cancellationToken).ConfigureAwait(false);
            var format = result.GetValue(common.Format);
            DiagnosticPrinter.Print(format == DiagnosticFormat.Msbuild ? result.InvocationConfiguration.Error : result.InvocationConfiguration.Output, check.Diagnostics, format, options.ResolvedSourcePath);
            if (format == DiagnosticFormat.Msbuild)
            {
                result.InvocationConfiguration.Output.WriteLine(check.Succeeded
                    ? $"Check passed: {check.Model?.Pages.Count ?? 0} pages, {BuildCommand.Count(check.WarningCount, "warning")}."
                    : $"Check failed: {BuildCommand.Count(check.ErrorCount, "error")}, {BuildCommand.Count(check.WarningCount, "warning")}.");
            }

            return check.Succeeded ? ExitCodes.Success : ExitCodes.BuildFailed;
        });
        return command;
    }
}
