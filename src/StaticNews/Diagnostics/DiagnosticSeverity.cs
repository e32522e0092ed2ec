namespace StaticNews.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
