namespace StaticNews.Parsing;

/// <summary>The parts of a file's text <see cref="FrontMatterSplitter"/> found: the YAML's range, and where the body starts (to the end).</summary>
internal readonly record struct FrontMatterBounds(FrontMatterStatus Status, Range Yaml, int YamlFirstLine, int BodyStart, int BodyFirstLine);
