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

    public static Func<string, CancellationToken, ValueTask>? WriteDelay()
    {
        var text = Environment.GetEnvironmentVariable(WriteDelayVariable);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds <= 0)
        {
            return null;
        }

        return (_, cancellationToken) => new ValueTask(Task.Delay(milliseconds, cancellationToken));
    }
}
