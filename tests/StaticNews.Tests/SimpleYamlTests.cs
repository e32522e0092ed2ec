using System.Globalization;
using System.Text;
using CsCheck;
using StaticNews.Parsing;
using StaticNews.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Tests;

/// <summary>
/// The shortcut for simple YAML (front matters, site.yml, categories.yml, lists of slugs) must read exactly what YamlDotNet
/// reads (values, styles, positions), and give up on anything it is not sure of, so diagnostics and every other reading stay
/// YamlDotNet's.
/// </summary>
public sealed class SimpleYamlTests
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

            var flat = SimpleYaml.TryRead(yaml);

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
    [InlineData("title:\n  nested: x\n")]
    [InlineData("tags:\n- a\n")]
    [InlineData("title: \"Talks resume: day two\"\ndate: 2025-10-21 20:40\nauthors: [farhan-qureshi, lena-park]\ntags: []\n")]
    [InlineData("summary: words, with [brackets] and \"quotes\" inside   \nlocation: São Paulo\n")]
    [InlineData("\n\ntitle: 'single quoted'\r\nlink: https://example.org/a#b?c=d\r\n\r\ntags: [ a b , \"c, d\" ,'e' ]\n")]
    [InlineData("image_alt: 50% of 1:2 ratios & more\nx_y-z: ~\n")]
    [InlineData("- name: World\n  slug: world\n  children:\n    - name: A\n      slug: a\n    - b\n- c\n")]
    [InlineData("title: T\nsocial:\n  - name: X\n    url: https://x\nlinks:\n- a\n- b\nnested:\n  k: v\n  k2:\n    deep: 1\nlast: z\n")]
    [InlineData("-   spaced\n-  name: v\n   k: w\n")]
    [InlineData("- one\r\n\r\n-  \"two\"\r\n- [a, 'b']\r\n")]
    [InlineData("a:\n\n  b: 1\n\n  c:\n  - x\n  - y: 2\n    z: [3]\nd: e\n")]
    [InlineData("- k:\n  - a\n  - b\n  j: 1\n")]
    public void Simple_text_flat_or_nested_is_read_with_YamlDotNets_values_styles_and_positions(string yaml)
    {
        var simple = SimpleYaml.TryRead(yaml);

        Assert.NotNull(simple);
        Assert.Equal(YamlDotNetTree(yaml), Tree(simple));
    }

    [Theory]
    [InlineData("title: a: b\n")]
    [InlineData("  title: indented\n")]
    [InlineData("# a comment\ntitle: x\n")]
    [InlineData("title: x # a comment\n")]
    [InlineData("title: \"an \\\"escaped\\\" quote\"\n")]
    [InlineData("title: 'it''s'\n")]
    [InlineData("title: \"open\n  quote\"\n")]
    [InlineData("title: plain\n  continued\n")]
    [InlineData("tags: [a, [b]]\n")]
    [InlineData("tags: [a, ]\n")]
    [InlineData("title: x\ntitle: y\n")]
    [InlineData("title: &anchor x\n")]
    [InlineData("body: |\n  text\n")]
    [InlineData("title:\tx\n")]
    [InlineData("title: x\u2028y\n")]
    [InlineData("title: emoji \U0001F600\n")]
    [InlineData("title: ends with colon:\n")]
    [InlineData("")]
    [InlineData("a:\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a:\n  b: 1\n  b: 2\n")]
    [InlineData("-\n")]
    [InlineData("- \n- a\n")]
    [InlineData("- - a\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("- a\n  b\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("- a\nb: 1\n")]
    [InlineData("- name: a\n - b\n")]
    [InlineData("a:\n  - x\n  y: 1\n")]
    [InlineData("a:\n  just text\n")]
    [InlineData("a:\n  # a comment\n  b: 1\n")]
    [InlineData("a:\n  ? b\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: &x\n  b: 1\n")]
    public void Anything_else_is_left_to_YamlDotNet(string yaml)
    {
        Assert.Null(SimpleYaml.TryRead(yaml));
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
            if (SimpleYaml.TryRead(yaml) is not { } flat)
            {
                return;
            }

            Interlocked.Increment(ref read);
            Assert.Equal(YamlDotNetTree(yaml), Tree(flat));
        }, iter: 20_000);

        // The generator must reach the shortcut often, or this property would check nothing.
        Assert.True(read > 500, $"only {read} texts were simple enough for the shortcut");
    }

    [Fact]
    public void The_sample_sites_settings_categories_and_data_are_read_by_the_shortcut_exactly_as_YamlDotNet_reads_them()
    {
        var site = Path.Combine(TestSites.RepositoryRoot, "site");
        foreach (var path in new[] { "site.yml", "categories.yml", Path.Combine("data", "popular.yml") })
        {
            var yaml = File.ReadAllText(Path.Combine(site, path));

            var simple = SimpleYaml.TryRead(yaml);

            Assert.True(simple is not null, $"{path}: the shortcut gave up");
            Assert.Equal(YamlDotNetTree(yaml), Tree(simple));
        }
    }

    /// <summary>
    /// Documents nested by indentation (mappings and lists, lists as a key's value indented or not, mappings opening on a
    /// list item's line), then now and then one line spoilt by a piece that changes how YAML reads it: the shortcut reads what
    /// YamlDotNet reads, or gives up.
    /// </summary>
    [Fact]
    public void On_any_nested_text_the_shortcut_reads_what_YamlDotNet_reads_or_gives_up()
    {
        var read = 0;
        var nested = 0;

        Gen.Int.Sample(seed =>
        {
            var yaml = NestedText(new Random(seed));
            if (SimpleYaml.TryRead(yaml) is not { } simple)
            {
                return;
            }

            Interlocked.Increment(ref read);
            if (yaml.Contains("\n ", StringComparison.Ordinal) || yaml.StartsWith('-'))
            {
                Interlocked.Increment(ref nested);
            }

            Assert.Equal(YamlDotNetTree(yaml), Tree(simple));
        }, iter: 30_000);

        // The generator must reach the shortcut often, nesting included, or this property would check little.
        Assert.True(read > 5000 && nested > 3000, $"only {read} texts were simple enough for the shortcut, {nested} of them nested");
    }

    private static readonly string[] Keys = ["name", "slug", "a", "children", "k-2", "x_y"];
    private static readonly string[] Scalars = ["word", "two words", "https://x.org/a#b", "1", "\"q: d\"", "'s'", "[a, b]", "[]", "~", "é"];
    private static readonly string[] Spoilers = ["", " ", "a: b", "x #c", "-", "- a", "|", "&a v", "\"e\\\"\"", "[a", "{a: b}", "v:", "#c", "? k", "*a", "!t v"];

    private static string NestedText(Random random)
    {
        var lines = new List<string>();
        if (random.Next(2) == 0)
        {
            AddMapping(random, lines, 0, firstPrefix: null, depth: 0);
        }
        else
        {
            AddList(random, lines, 0, depth: 0);
        }

        if (random.Next(3) == 0)
        {
            // One line spoilt: a piece replaces its end, or its indentation moves by a space, or a blank or odd line comes in.
            var at = random.Next(lines.Count);
            lines[at] = random.Next(3) switch
            {
                0 => lines[at][..(lines[at].Length / 2)] + Spoilers[random.Next(Spoilers.Length)],
                1 => lines[at].StartsWith(' ') && random.Next(2) == 0 ? lines[at][1..] : " " + lines[at],
                _ => lines[at] + "\n" + new string(' ', random.Next(5)) + Spoilers[random.Next(Spoilers.Length)],
            };
        }

        var newline = random.Next(4) == 0 ? "\r\n" : "\n";
        return string.Join(newline, lines).Replace("\n", newline, StringComparison.Ordinal) + newline;
    }

    private static void AddMapping(Random random, List<string> lines, int indent, string? firstPrefix, int depth)
    {
        var keys = Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            var prefix = i == 0 && firstPrefix is not null ? firstPrefix : new string(' ', indent);
            var nest = depth < 3 ? random.Next(4) : 3;
            if (nest == 0)
            {
                lines.Add(prefix + keys[i] + ":");
                AddMapping(random, lines, indent + random.Next(1, 4), firstPrefix: null, depth + 1);
            }
            else if (nest == 1)
            {
                lines.Add(prefix + keys[i] + ":");
                AddList(random, lines, random.Next(2) == 0 ? indent : indent + 2, depth + 1);
            }
            else
            {
                lines.Add(prefix + keys[i] + ": " + Scalars[random.Next(Scalars.Length)]);
            }

            if (random.Next(8) == 0)
            {
                lines.Add(string.Empty);
            }
        }
    }

    private static void AddList(Random random, List<string> lines, int indent, int depth)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var dash = new string(' ', indent) + "-" + new string(' ', random.Next(4) == 0 ? 2 : 1);
            if (depth < 3 && random.Next(2) == 0)
            {
                AddMapping(random, lines, dash.Length, dash, depth + 1);
            }
            else
            {
                lines.Add(dash + Scalars[random.Next(Scalars.Length)]);
            }
        }
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
