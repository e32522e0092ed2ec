namespace StaticNews.Parsing;

/// <summary>One argument of a shortcode: positional (Name is null) or named (name="value").</summary>
public sealed record ShortcodeArgument(string? Name, string Value);
