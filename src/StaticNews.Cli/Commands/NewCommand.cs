using System.CommandLine;
using StaticNews.Scaffolding;

namespace StaticNews.Cli.Commands;

/// <summary><c>staticnews new article "Title" --category PATH --author ID</c> and <c>staticnews new author ID</c>: start a file with complete front matter.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var command = new Command("new", "Create a new article or author file.");
        command.Subcommands.Add(Article());
        command.Subcommands.Add(Author());
        return command;
    }

    private static Command Article()
    {
        var command = new Command("article", "Create articles/TOP-CATEGORY/SLUG.md as a draft dated now, with complete front matter.");
        var title = new Argument<string>("title") { Description = "The headline; the slug is made from it (transliterated to ASCII)." };
        var category = new Option<string>("--category", "-c") { Description = "The category path from categories.yml, e.g. world/diplomacy.", Required = true };
        var author = new Option<string>("--author", "-a") { Description = "The author id (the name of a file in authors/, without .md).", Required = true };
        var source = SourceOption();
        command.Arguments.Add(title);
        command.Options.Add(category);
        command.Options.Add(author);
        command.Options.Add(source);
        command.SetAction(result => Report(
            result,
            ArticleScaffolder.Create(SourceLocator.Resolve(result.GetValue(source)), result.GetValue(title)!, result.GetValue(category)!, result.GetValue(author)!, TimeProvider.System),
            "Remove 'draft: true' to publish it."));
        return command;
    }

    private static Command Author()
    {
        var command = new Command("author", "Create authors/ID.md.");
        var id = new Argument<string>("id") { Description = "The author id articles refer to, e.g. jane-doe." };
        var name = new Option<string?>("--name") { Description = "The author's name. Default: made from the id (jane-doe: Jane Doe)." };
        var source = SourceOption();
        command.Arguments.Add(id);
        command.Options.Add(name);
        command.Options.Add(source);
        command.SetAction(result => Report(
            result,
            AuthorScaffolder.Create(SourceLocator.Resolve(result.GetValue(source)), result.GetValue(id)!, result.GetValue(name)),
            "Articles name this author with 'authors: [" + result.GetValue(id) + "]'."));
        return command;
    }

    private static Option<string?> SourceOption() =>
        new("--source", "-s") { Description = "The site folder. Default: the current folder if it holds site.yml, else ./site." };

    internal static int Report(ParseResult result, ScaffoldResult scaffold, string hint)
    {
        if (!scaffold.Succeeded)
        {
            result.InvocationConfiguration.Error.WriteLine($"staticnews: {scaffold.Problem}");
            return ExitCodes.BuildFailed;
        }

        foreach (var created in scaffold.Created)
        {
            result.InvocationConfiguration.Output.WriteLine($"Created {created}");
        }

        result.InvocationConfiguration.Output.WriteLine(hint);
        return ExitCodes.Success;
    }
}
