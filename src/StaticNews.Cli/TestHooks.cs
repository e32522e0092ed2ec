using System.Globalization;

namespace StaticNews.Cli;

/// <summary>
/// Hooks for the tests that interrupt a real build process (kill -9, Ctrl+C mid-write). Only the CLI reads them, and only
/// from the environment, so a normal run never sees them.
/// </summary>
internal static class TestHooks
{
    /// <summary>Milliseconds to wait before writing each output file, so a test can interrupt a build while it writes.</summary>
    public const string WriteDelayVariable = "STATICNEWS_TEST_WRITE_DELAY_MS";

    /// <summary>Milliseconds to wait before each file an incremental build moves into or deletes from the output, so a test can kill it while it applies.</summary>
    public const string ApplyDelayVariable = "STATICNEWS_TEST_APPLY_DELAY_MS";

    public static Func<string, CancellationToken, ValueTask>? WriteDelay() =>
        Milliseconds(WriteDelayVariable) is { } milliseconds ? (_, cancellationToken) => new ValueTask(Task.Delay(milliseconds, cancellationToken)) : null;

    public static Action<string>? ApplyDelay() =>
        Milliseconds(ApplyDelayVariable) is { } milliseconds ? _ => Thread.Sleep(milliseconds) : null;

    private static int? Milliseconds(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0 ? milliseconds : null;
    }
}
