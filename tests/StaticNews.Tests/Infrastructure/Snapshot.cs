using System.Runtime.CompilerServices;

namespace StaticNews.Tests.Infrastructure;

/// <summary>
/// Golden-file assertions in Verify's naming: <c>Class.Method.verified.EXT</c> is committed beside the test; on a mismatch
/// <c>Class.Method.received.EXT</c> is written next to it. Set STATICNEWS_ACCEPT_SNAPSHOTS=1 to accept the received text
/// (never when CI=true). A later switch to Verify.Xunit is a rename.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "STATICNEWS_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string extension = "html", string? name = null, [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        var stem = $"{Path.GetFileNameWithoutExtension(callerFile)}.{name ?? callerMember}";
        var verifiedPath = Path.Combine(directory, $"{stem}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{stem}.received.{extension}");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot yet: review {receivedPath} and rename it to {Path.GetFileName(verifiedPath)}, or run with {AcceptVariable}=1."
            : $"Output differs from {Path.GetFileName(verifiedPath)}: compare it with {receivedPath}; accept with {AcceptVariable}=1 if the change is intended.\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:\n  verified: {e}\n  received: {a}";
            }
        }

        return string.Empty;
    }
}
