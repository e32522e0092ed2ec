using System.Text.Json;
using StaticNews.Diagnostics;

namespace StaticNews.Cli;

/// <summary>Prints diagnostics in the format the reader wants: MSBuild lines for editors and problem matchers, GitHub annotations, or JSON.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string sourceRoot)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                writer.WriteLine(JsonSerializer.Serialize(diagnostics.Select(d => new DiagnosticJson(
                    d.IsError ? "error" : "warning",
                    d.Code,
                    DisplayPath(d, sourceRoot),
                    d.Location.Line,
                    d.Location.Column,
                    d.Message)), CliJsonContext.Default.IEnumerableDiagnosticJson));
                break;
            case DiagnosticFormat.Github:
                foreach (var d in diagnostics)
                {
                    var kind = d.IsError ? "error" : "warning";
                    var position = d.Location.Line > 0 ? $",line={d.Location.Line},col={d.Location.Column}" : string.Empty;
                    writer.WriteLine($"::{kind} file={Escape(DisplayPath(d, sourceRoot), property: true)}{position},title={d.Code}::{Escape(d.Message, property: false)}");
                }

                break;
            default:
                foreach (var d in diagnostics)
                {
                    writer.WriteLine((d with { Location = d.Location with { Path = DisplayPath(d, sourceRoot) } }).ToString());
                }

                break;
        }
    }

    /// <summary>Paths relative to the current folder when the site is below it (what editors and CI expect), else relative to the site.</summary>
    private static string DisplayPath(Diagnostic diagnostic, string sourceRoot)
    {
        var path = diagnostic.Location.Path;
        if (path.StartsWith("(theme)", StringComparison.Ordinal) || path.StartsWith("--", StringComparison.Ordinal) || Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(sourceRoot, path)).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? path : relative;
    }

    private static string Escape(string text, bool property)
    {
        var escaped = text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}
