namespace StaticNews.Diagnostics;

/// <summary>A place in a source file: the path relative to the site folder (with '/' separators), 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 0, 0);

    public override string ToString() => Line > 0 ? $"{Path}({Line},{Column})" : Path;
}
