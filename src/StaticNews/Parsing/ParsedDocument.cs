using Markdig.Syntax;

namespace StaticNews.Parsing;

/// <summary>A content file after stage 2: its front matter as YAML nodes and its body as a Markdown syntax tree.</summary>
public sealed record ParsedDocument(string Path, YamlSource FrontMatter, MarkdownDocument Body, int BodyFirstLine, string BodyText);
