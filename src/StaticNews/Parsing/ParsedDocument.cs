namespace StaticNews.Parsing;

/// <summary>A content file after stage 2: its front matter as YAML nodes and its Markdown body as text, with the line it starts on.</summary>
public sealed record ParsedDocument(string Path, YamlSource FrontMatter, int BodyFirstLine, string BodyText);
