namespace StaticNews.Diagnostics;

/// <summary>One mistake found in a build, in the MSBuild format editors and CI problem matchers read.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, SourceLocation Location, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Location}: {severity} {Code}: {Message}";
    }
}
