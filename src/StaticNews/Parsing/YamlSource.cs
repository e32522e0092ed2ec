using YamlDotNet.RepresentationModel;

namespace StaticNews.Parsing;

/// <summary>A parsed YAML document and the 1-based line of the file its first line sits on.</summary>
public sealed record YamlSource(string Path, YamlNode? Root, int FirstLine)
{
    public int LineOf(YamlNode node) => (int)node.Start.Line + FirstLine - 1;

    public static int ColumnOf(YamlNode node) => (int)node.Start.Column;
}
