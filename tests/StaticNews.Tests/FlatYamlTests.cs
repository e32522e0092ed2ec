using System.Globalization;
using System.Text;
using CsCheck;
using StaticNews.Parsing;
using StaticNews.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Tests;

/// <summary>
/// The shortcut for simple front matters must read exactly what YamlDotNet reads (values, styles, positions), and give up on
/// anything it is not sure of, so diagnostics and every other reading stay YamlDotNet's.
/// </summary>
public sealed class FlatYamlTests
{
    [Fact]
    public void The_sample_sites_front_matters_without_nested_lists_are_read_by_the_shortcut_exactly_as_YamlDotNet_reads_them()
    {
        var articles = Directory.GetFiles(Path.Combine(TestSites.RepositoryRoot, "site", "articles"), "*.md", SearchOption.AllDirectories);
        var read = 0;
        foreach (var path in articles)
        {
            var yaml = FrontMatterSplitter.Split(File.ReadAllText(path)).Yaml;
            var nested = yaml.Split('\n').Any(line => line.StartsWith(' ') || line.StartsWith('-'));

            var flat = FlatYaml.TryRead(yaml);

            Assert.True(flat is not null || nested, $"{path}: the shortcut gave up on a front matter of the usual shape");
            if (flat is not null)
            {
                read++;
                Assert.Equal(YamlDotNetTree(yaml), Tree(flat));
            }
        }

        Assert.True(read >= 40, $"only {read} of {articles.Length} front matters were read by the shortcut");
    }

    [Theory]
    [InlineData("title: \"Talks resume: day two\"\ndate: 2025-10-21 20:40\nauthors: [farhan-qureshi, lena-park]\ntags: []\n")]
    [InlineData("summary: words, with [brackets] and \"quotes\" inside   \nlocation: São Paulo\n")]
    [InlineData("\n\ntitle: 'single quoted'\r\nlink: https://example.org/a#b?c=d\r\n\r\ntags: [ a b , \"c, d\" ,'e' ]\n")]
    [InlineData("image_alt: 50% of 1:2 ratios & more\nx_y-z: ~\n")]
    public void Simple_front_matters_are_read_with_YamlDotNets_values_styles_and_positions(string yaml)
    {
        var flat = FlatYaml.TryRead(yaml);

        Assert.NotNull(flat);
        Assert.Equal(YamlDotNetTree(yaml), Tree(flat));
    }

    [Theory]
    [InlineData("title: a: b\n")]
    [InlineData("title:\n  nested: x\n")]
    [InlineData("  title: indented\n")]
    [InlineData("# a comment\ntitle: x\n")]
    [InlineData("title: x # a comment\n")]
    [InlineData("title: \"an \\\"escaped\\\" quote\"\n")]
    [InlineData("title: 'it''s'\n")]
    [InlineData("title: \"open\n  quote\"\n")]
    [InlineData("title: plain\n  continued\n")]
    [InlineData("tags: [a, [b]]\n")]
    [InlineData("tags: [a, ]\n")]
    [InlineData("tags:\n- a\n")]
    [InlineData("title: x\ntitle: y\n")]
    [InlineData("title: &anchor x\n")]
    [InlineData("body: |\n  text\n")]
    [InlineData("title:\tx\n")]
    [InlineData("title: x\u2028y\n")]
    [InlineData("title: emoji \U0001F600\n")]
    [InlineData("title: ends with colon:\n")]
    [InlineData("")]
    public void Anything_else_is_left_to_YamlDotNet(string yaml)
    {
        Assert.Null(FlatYaml.TryRead(yaml));
    }

    /// <summary>Lines built from the pieces that change how YAML reads a line: the shortcut reads what YamlDotNet reads, or gives up.</summary>
    [Fact]
    public void On_any_text_the_shortcut_reads_what_YamlDotNet_reads_or_gives_up()
    {
        var key = Gen.Frequency((6, (IGen<string>)Gen.OneOf("title", "tags", "a", "x_y", "a-b", "Key1")), (1, Gen.OneOf("-k", "#c", " k", "k k", "", "_")));
        var colon = Gen.Frequency((6, (IGen<string>)Gen.Const(": ")), (1, Gen.OneOf(":", ":  ", " : ", ":\t")));
        var piece = Gen.Frequency(
            (3, (IGen<string>)Gen.OneOf("word", "two words", "é", "1:2", "-", " ")),
            (2, Gen.OneOf(" ", "  ", ":", ": ", "#", " #", "[", "]", "{", "}", ",", ", ", "\"", "'", "''", "\\", "?", "&", "*", "!", "|", ">", "%", "@", "`", "€", "~", "\t", "\u0085", "\u00A0")));
        var value = Gen.Frequency(
            (4, (IGen<string>)piece.Array[0, 6].Select(string.Concat)),
            (2, piece.Array[0, 4].Select(p => "\"" + string.Concat(p) + "\"")),
            (1, piece.Array[0, 4].Select(p => "'" + string.Concat(p) + "'")),
            (2, piece.Array[0, 5].Select(p => "[" + string.Join(", ", p) + "]")));
        var line = Gen.Select(Gen.Frequency((8, (IGen<string>)Gen.Const(string.Empty)), (1, Gen.OneOf(" ", "- "))), key, colon, value).Select((indent, k, c, v) => indent + k + c + v);
        var text = Gen.Select(line.Array[0, 6], Gen.OneOf("\n", "\r\n", "\n\n")).Select((lines, newline) => string.Join(newline, lines) + newline);
        var read = 0;

        text.Sample(yaml =>
        {
            if (FlatYaml.TryRead(yaml) is not { } flat)
            {
                return;
            }

            Interlocked.Increment(ref read);
            Assert.Equal(YamlDotNetTree(yaml), Tree(flat));
        }, iter: 20_000);

        // The generator must reach the shortcut often, or this property would check nothing.
        Assert.True(read > 500, $"only {read} texts were simple enough for the shortcut");
    }

    private static string? YamlDotNetTree(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : Tree(stream.Documents[0].RootNode);
        }
        catch (YamlException)
        {
            return "(YamlDotNet refuses this text)";
        }
    }

    private static string Tree(YamlNode node)
    {
        var tree = new StringBuilder();
        Describe(node, 0, tree);
        return tree.ToString();
    }

    private static void Describe(YamlNode node, int depth, StringBuilder tree)
    {
        tree.Append(' ', depth * 2).Append(node.NodeType).Append(CultureInfo.InvariantCulture, $" tag={node.Tag} anchor={node.Anchor} {Position(node.Start)}-{Position(node.End)}");
        switch (node)
        {
            case YamlScalarNode scalar:
                tree.Append(CultureInfo.InvariantCulture, $" {scalar.Style} [{scalar.Value}]\n");
                break;
            case YamlSequenceNode sequence:
                tree.Append(CultureInfo.InvariantCulture, $" {sequence.Style}\n");
                foreach (var item in sequence)
                {
                    Describe(item, depth + 1, tree);
                }

                break;
            case YamlMappingNode mapping:
                tree.Append(CultureInfo.InvariantCulture, $" {mapping.Style}\n");
                foreach (var (key, value) in mapping.Children)
                {
                    Describe(key, depth + 1, tree);
                    Describe(value, depth + 2, tree);
                }

                break;
        }
    }

    private static string Position(Mark mark) => FormattableString.Invariant($"({mark.Index},{mark.Line},{mark.Column})");
}
