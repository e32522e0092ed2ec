namespace StaticNews.Cli;

public enum DiagnosticFormat
{
    Msbuild,
    Github,
    Json,
}
