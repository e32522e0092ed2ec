using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The constructor the natively compiled tool carries on Linux with glibc (src/StaticNews.Cli/Native/one-malloc-arena.c)
/// gives every thread one C heap arena, unless the environment already chose a limit. Compiled here, as the publish does,
/// into a probe whose threads each hold a block of the heap at once (Native/malloc-arena-probe.c), which prints the heap's
/// arenas. Needs a C compiler (gcc or clang: .ci/run installs gcc).
/// </summary>
public sealed class OneMallocArenaTests : IDisposable
{
    /// <summary>The C compilers the probe is compiled with, the first found: where Debian and most distributions install them.</summary>
    private static readonly string[] Compilers = ["/usr/bin/gcc", "/usr/bin/clang", "/usr/bin/cc"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    public OneMallocArenaTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Threads_share_one_arena_with_the_constructor_linked_in()
    {
        var probe = Compile("with-constructor", withConstructor: true);

        Assert.Equal(1, Arenas(probe));
    }

    [Fact]
    public void Without_the_constructor_the_probes_threads_take_arenas_of_their_own()
    {
        var probe = Compile("without-constructor", withConstructor: false);

        Assert.True(Arenas(probe) > 1, "The probe should see its threads take arenas of their own: without that, it could not tell the constructor's effect.");
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", "8")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=8")]
    public void A_limit_the_environment_chose_stands(string variable, string value)
    {
        var probe = Compile("with-constructor", withConstructor: true);

        Assert.True(Arenas(probe, (variable, value)) > 1, $"With {variable}={value} set, the constructor should leave the limit to it.");
    }

    private static string RepositoryFile(string relativePath) => Path.Combine(TestSites.RepositoryRoot, relativePath);

    private string Compile(string name, bool withConstructor)
    {
        Assert.True(OperatingSystem.IsLinux(), "The constructor is for Linux with glibc: run this test there.");
        var output = Path.Combine(_folder, name);
        var arguments = new List<string> { "-O2", "-Wall", "-Werror", "-pthread", "-o", output, RepositoryFile("tests/StaticNews.Cli.Tests/Native/malloc-arena-probe.c") };
        if (withConstructor)
        {
            arguments.Add(RepositoryFile("src/StaticNews.Cli/Native/one-malloc-arena.c"));
        }

        var compiler = Compilers.FirstOrDefault(File.Exists);
        Assert.True(compiler is not null, "A C compiler is needed to compile the probe: install gcc (apt-get install -y gcc; .ci/run does this).");
        var (exitCode, text) = Run(compiler, arguments, environment: null);
        Assert.True(exitCode == 0, $"{compiler} failed (exit {exitCode}):\n{text}");
        return output;
    }

    private static int Arenas(string probe, (string Name, string Value)? environment = null)
    {
        var (exitCode, text) = Run(probe, [], environment);
        Assert.True(exitCode == 0, $"The probe failed (exit {exitCode}):\n{text}");
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, (string Name, string Value)? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The probe runs with the test's environment less the variables that choose the limit, plus the one given.
        start.Environment.Remove("MALLOC_ARENA_MAX");
        start.Environment.Remove("GLIBC_TUNABLES");
        if (environment is var (name, value))
        {
            start.Environment[name] = value;
        }

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
