using System.CommandLine;
using System.CommandLine.Parsing;

namespace StaticNews.Cli.Tests;

/// <summary>
/// A command line that asks for no help, version, directive or response file is parsed by a plain command standing for
/// System.CommandLine's root command (which finds its options' texts by reflection at every start): it parses every such line
/// as the root command does.
/// </summary>
public sealed class CommandLineRootTests
{
    public static TheoryData<string[]> PlainCommandLines =>
    [
        [],
        ["site"],
        ["-v", "site", "--drafts", "--future"],
        ["build"],
        ["build", "site", "-o", "out", "--strict", "-q"],
        ["build", "--force", "--base-url", "https://example.org/news/", "--format", "github", "site"],
        ["check", "site", "--format", "json"],
        ["serve", "site", "--port", "0"],
        ["new", "article", "Harbour talks resume", "--category", "world/diplomacy", "--author", "jane-doe"],
        ["new", "author", "jane-doe", "--name", "Jane Doe"],
        ["init", "newsroom"],
        ["--bogus"],
        ["build", "--output"],
        ["bild", "site"],
        ["build", "a", "b"],
        ["build", "--format", "xml"],
        ["check", "--port", "80"],
    ];

    [Theory]
    [MemberData(nameof(PlainCommandLines))]
    public void A_plain_root_parses_a_line_as_the_root_command_does(string[] args)
    {
        Assert.False(StaticNewsCli.NeedsRootCommand(args));

        var plain = StaticNewsCli.CreateRootCommand(ownsProcess: false, plain: true).Parse(args);
        var root = StaticNewsCli.CreateRootCommand(ownsProcess: false, plain: false).Parse(args);

        Assert.IsNotType<RootCommand>(StaticNewsCli.CreateRootCommand(ownsProcess: false, plain: true));
        Assert.Equal(Described(root), Described(plain));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    [InlineData("/h")]
    [InlineData("--version")]
    [InlineData("build", "--help")]
    [InlineData("new", "article", "-h")]
    [InlineData("[diagram]", "build")]
    [InlineData("@options.rsp")]
    [InlineData("staticnews")]
    [InlineData("StaticNews", "build")]
    public void A_line_that_may_ask_for_what_only_the_root_command_has_gets_it(params string[] args)
    {
        Assert.True(StaticNewsCli.NeedsRootCommand(args));
    }

    [Fact]
    public async Task Help_and_version_are_still_answered()
    {
        var (helpExit, help, _) = await CliRunner.RunAsync("build", "--help");
        var (versionExit, version, _) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, helpExit);
        Assert.Contains("--output", help, StringComparison.Ordinal);
        Assert.Equal(0, versionExit);
        Assert.Matches(@"^\d+\.\d+", version);
    }

    /// <summary>What a parse found: the commands from the one to run up to the root, what each matched, the errors and the tokens left over.</summary>
    private static string Described(ParseResult parse)
    {
        var lines = new List<string>();
        for (var command = parse.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            lines.Add(command.Parent is null ? "root" : "command " + command.Command.Name);
            foreach (var child in command.Children)
            {
                lines.Add(child switch
                {
                    OptionResult option => $"  option {option.Option.Name}: {string.Join(" | ", option.Tokens.Select(t => t.Value))}",
                    ArgumentResult argument => $"  argument {argument.Argument.Name}: {string.Join(" | ", argument.Tokens.Select(t => t.Value))}",
                    _ => "  " + child.GetType().Name,
                });
            }
        }

        lines.AddRange(parse.Errors.Select(e => "error " + e.Message));
        lines.AddRange(parse.UnmatchedTokens.Select(t => "unmatched " + t));
        return string.Join("\n", lines);
    }
}
