using System.CommandLine;

namespace StaticNews.Cli.Commands;

/// <summary>Options shared by the commands that build a site. Created per command, never static.</summary>
internal sealed class CommonOptions
{
    public Argument<string?> Source { get; } = new("source")
    {
        Description = "The site folder (holding site.yml). Default: the current folder if it holds site.yml, else ./site.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Override site.yml's base_url, e.g. https://example.org/news/." };

    public Option<bool> Drafts { get; } = new("--drafts") { Description = "Include articles marked 'draft: true'." };

    public Option<bool> Future { get; } = new("--future") { Description = "Include articles dated in the future." };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Treat warnings as errors." };

    public Option<DiagnosticFormat> Format { get; } = new("--format") { Description = "How to print diagnostics: msbuild (default), github (Actions annotations) or json." };

    public CommonOptions()
    {
        Source.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Source);
        command.Options.Add(BaseUrl);
        command.Options.Add(Drafts);
        command.Options.Add(Future);
        command.Options.Add(Strict);
        command.Options.Add(Format);
    }

    public BuildOptions ToBuildOptions(ParseResult result, string? output) => new()
    {
        SourcePath = SourceLocator.Resolve(result.GetValue(Source)),
        OutputPath = output,
        BaseUrl = result.GetValue(BaseUrl),
        IncludeDrafts = result.GetValue(Drafts),
        IncludeFuture = result.GetValue(Future),
        Strict = result.GetValue(Strict),
        CultureDataIdentity = CultureDataIdentity.Current(),
    };
}
