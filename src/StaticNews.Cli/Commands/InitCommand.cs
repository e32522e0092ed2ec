using System.CommandLine;
using StaticNews.Scaffolding;

namespace StaticNews.Cli.Commands;

/// <summary><c>staticnews init DIR</c>: a new, working site with a GitHub Pages workflow, in a new or empty folder.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create a new site (settings, a category tree, an author, an article and a GitHub Pages workflow) in a new or empty folder.");
        var directory = new Argument<string>("dir") { Description = "The folder to create the site in; it must be new or empty." };
        command.Arguments.Add(directory);
        command.SetAction(result =>
        {
            var folder = result.GetValue(directory)!;
            var scaffold = SiteInitializer.Initialize(folder, TimeProvider.System);
            return NewCommand.Report(result, scaffold, $"Next: 'staticnews serve {folder}' to preview it, then push it to GitHub ({SiteInitializer.WorkflowPath} publishes it to GitHub Pages).");
        });
        return command;
    }
}
