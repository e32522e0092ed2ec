using System.Globalization;

namespace StaticNews.Diagnostics;

/// <summary>A kind of mistake: its stable code, default severity and message format.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity DefaultSeverity, string MessageFormat)
{
    public Diagnostic Create(DiagnosticSeverity severity, SourceLocation location, params object?[] args) =>
        new(severity, Code, location, args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args));
}
