namespace StaticNews.Cli;

/// <summary>What the process tells CI: 0 success, 1 the site has errors, 2 the command line is wrong, 3 StaticNews itself failed, 130 cancelled.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BuildFailed = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}
