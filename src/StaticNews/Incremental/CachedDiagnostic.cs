using StaticNews.Diagnostics;

namespace StaticNews.Incremental;

/// <summary>A diagnostic as stored in the build cache.</summary>
internal sealed record CachedDiagnostic(string Code, string Path, int Line, int Column, string Message, bool IsError)
{
    public static CachedDiagnostic From(Diagnostic diagnostic) =>
        new(diagnostic.Code, diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message, diagnostic.IsError);

    public Diagnostic ToDiagnostic() =>
        new(IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, Code, new SourceLocation(Path, Line, Column), Message);
}
