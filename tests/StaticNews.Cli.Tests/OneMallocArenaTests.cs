using System.Globalization;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The constructor the natively compiled tool carries on Linux with glibc (src/StaticNews.Cli/Native/one-malloc-arena.c)
/// gives every thread one C heap arena, unless the environment already chose a limit. Compiled here, as the publish does,
/// into a probe whose threads each hold a block of the heap at once (Native/malloc-arena-probe.c), which prints the heap's
/// arenas (see NativeProbe).
/// </summary>
public sealed class OneMallocArenaTests : IDisposable
{
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

    private string Compile(string name, bool withConstructor) =>
        NativeProbe.Compile(
            Path.Combine(_folder, name),
            withConstructor
                ? ["tests/StaticNews.Cli.Tests/Native/malloc-arena-probe.c", "src/StaticNews.Cli/Native/one-malloc-arena.c"]
                : ["tests/StaticNews.Cli.Tests/Native/malloc-arena-probe.c"]);

    private static int Arenas(string probe, (string Name, string Value)? environment = null)
    {
        // The probe runs with the test's environment less the variables that choose the limit, plus the one given.
        var (exitCode, text) = NativeProbe.Run(probe, [], variables =>
        {
            variables.Remove("MALLOC_ARENA_MAX");
            variables.Remove("GLIBC_TUNABLES");
            if (environment is var (name, value))
            {
                variables[name] = value;
            }
        });
        Assert.True(exitCode == 0, $"The probe failed (exit {exitCode}):\n{text}");
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
