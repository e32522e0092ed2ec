using System.Diagnostics;
using System.Text;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The CLI run as a real child process (<c>dotnet StaticNews.Cli.dll …</c>), so a test can kill it or send it Ctrl+C.
/// The dll is the one the test project copies beside itself from its project reference.
/// </summary>
internal sealed class ChildBuild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ChildBuild(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static ChildBuild Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "StaticNews.Cli.dll");
        Assert.True(File.Exists(cli), $"The CLI was not found at {cli}; it is copied there by the test project's reference to StaticNews.Cli.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildBuild(process);
        process.OutputDataReceived += (_, e) => Append(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var child = Start(environment, args);
        var exitCode = await child.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, child.Output, child.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls until the condition holds; fails the test if it never does (the child's output is shown).</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(_process.HasExited, $"The build ended (exit code {(_process.HasExited ? _process.ExitCode : 0)}) before {what}.\n{Output}\n{Error}");
            Assert.True(clock.Elapsed < timeout, $"Timed out waiting until {what}.\n{Output}\n{Error}");
            await Task.Delay(25);
        }
    }

    /// <summary>kill -9: no handler runs, no cleanup happens.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>What Ctrl+C in a terminal sends (SIGINT). Process.Kill cannot send it, so the shell's kill does (POSIX only).</summary>
    public Task InterruptAsync() => SignalAsync("INT", 2);

    /// <summary>What Ctrl+\ in a terminal sends (SIGQUIT), through the shell's kill too.</summary>
    public Task QuitAsync() => SignalAsync("QUIT", 3);

    private async Task SignalAsync(string name, int number)
    {
        Assert.False(OperatingSystem.IsWindows(), $"Sending SIG{name} needs a POSIX system; run this test on Linux or macOS.");
        Assert.False(
            IgnoredHere(number),
            $"SIG{name} is ignored in this test run, and so in the build it starts (a non-interactive shell ignores SIGINT and SIGQUIT for commands it starts in the background, and they pass that on): run the tests in the foreground, or under timeout(1), which sets them back.");
        using var signal = Process.Start("/bin/sh", ["-c", $"kill -{name} " + Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
        Assert.Equal(0, signal.ExitCode);
    }

    /// <summary>Whether this process ignores the signal <paramref name="number"/> (Linux's /proc tells; elsewhere taken as not), as a process it starts then does from its first instruction.</summary>
    private static bool IgnoredHere(int number)
    {
        const string Ignored = "SigIgn:";
        var line = OperatingSystem.IsLinux() ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Ignored, StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line[Ignored.Length..].Trim(), 16) & (1UL << (number - 1))) != 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }
}
