namespace StaticNews.Parsing;

public enum FrontMatterStatus
{
    Present,
    Missing,
    Unclosed,
}

/// <summary>A content file cut in two: the YAML between the '---' fences and the Markdown after them, with the 1-based line each starts on.</summary>
public sealed record FrontMatterSplit(FrontMatterStatus Status, string Yaml, int YamlFirstLine, string Body, int BodyFirstLine);
