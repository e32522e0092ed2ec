using YamlDotNet.RepresentationModel;

namespace StaticNews.Parsing;

/// <summary>A parsed YAML document and the 1-based line of the file its first line sits on.</summary>
public sealed record YamlSource(string Path, YamlNode? Root, int FirstLine)
{
    /// <summary>The YAML as written, for fingerprints of what changed between builds.</summary>
    public string Text { get; init; } = string.Empty;

    public int LineOf(YamlNode node) => (int)node.Start.Line + FirstLine - 1;

    public static int ColumnOf(YamlNode node) => (int)node.Start.Column;
}
