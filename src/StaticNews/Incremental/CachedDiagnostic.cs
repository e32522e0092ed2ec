using StaticNews.Diagnostics;

namespace StaticNews.Incremental;

/// <summary>A diagnostic as stored in the build cache.</summary>
internal sealed record CachedDiagnostic(string Code, string Path, int Line, int Column, string Message, bool IsError)
{
    public static CachedDiagnostic From(Diagnostic diagnostic) =>
        new(diagnostic.Code, diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message, diagnostic.IsError);

    public Diagnostic ToDiagnostic() =>
        new(IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, Code, new SourceLocation(Path, Line, Column), Message);

    /// <summary>Writes diagnostics into a cache entry, as <see cref="ReadAll"/> reads them.</summary>
    public static void WriteAll(BinaryWriter writer, IReadOnlyList<CachedDiagnostic> diagnostics)
    {
        writer.Write(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(diagnostic.Code);
            writer.Write(diagnostic.Path);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Column);
            writer.Write(diagnostic.Message);
            writer.Write(diagnostic.IsError);
        }
    }

    public static CachedDiagnostic[] ReadAll(ref CacheReader reader)
    {
        var diagnostics = new CachedDiagnostic[reader.ReadInt32()];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            diagnostics[i] = new CachedDiagnostic(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean());
        }

        return diagnostics;
    }
}
