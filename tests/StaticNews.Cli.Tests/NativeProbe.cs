using System.ComponentModel;
using System.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// Compiles C probes with the repository's native constructors (src/StaticNews.Cli/Native), as the Fast publish links them
/// into the tool, and runs them. Needs a C compiler (gcc or clang: .ci/run installs gcc); without one, a test using it fails
/// saying how to install it.
/// </summary>
internal static class NativeProbe
{
    /// <summary>The C compilers a probe is compiled with, the first found: where Debian and most distributions install them.</summary>
    private static readonly string[] Compilers = ["/usr/bin/gcc", "/usr/bin/clang", "/usr/bin/cc"];

    /// <summary>A file of the repository, from its path relative to the root.</summary>
    public static string RepositoryFile(string relativePath) => Path.Combine(TestSites.RepositoryRoot, relativePath);

    /// <summary>Compiles <paramref name="sources"/> (paths relative to the repository's root) into <paramref name="output"/>, warnings as errors.</summary>
    public static string Compile(string output, IEnumerable<string> sources, params string[] options)
    {
        Assert.True(OperatingSystem.IsLinux(), "The native constructors are for Linux with glibc: run this test there.");
        var compiler = Compilers.FirstOrDefault(File.Exists);
        Assert.True(compiler is not null, "A C compiler is needed to compile the probe: install gcc (apt-get install -y gcc; .ci/run does this).");
        var arguments = new List<string> { "-O2", "-Wall", "-Werror", "-pthread", "-o", output };
        arguments.AddRange(options);
        arguments.AddRange(sources.Select(RepositoryFile));
        var (exitCode, text) = Run(compiler, arguments, _ => { });
        Assert.True(exitCode == 0, $"{compiler} failed (exit {exitCode}):\n{text}");
        return output;
    }

    /// <summary>Runs <paramref name="program"/>, its environment set by <paramref name="setEnvironment"/>: its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, Action<IDictionary<string, string?>> setEnvironment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        setEnvironment(start.Environment);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{program} could not be started: {e.Message}");
            throw;
        }
    }
}
