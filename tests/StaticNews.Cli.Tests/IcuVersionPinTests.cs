using System.Text;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The tool tells .NET which ICU the system has (the newest the loader's cache names) before the runtime searches for one,
/// and leaves the choice alone whenever the environment already makes it.
/// </summary>
public sealed class IcuVersionPinTests
{
    /// <summary>Entries as glibc's cache stores them: each library's name and path, NUL-terminated, among others.</summary>
    private static byte[] Cache(params string[] names) =>
        Encoding.ASCII.GetBytes("glibc-ld.so.cache1.1\0" + string.Concat(names.Select(name => $"{name}\0/usr/lib/x86_64-linux-gnu/{name}.1\0libz.so.1\0")));

    [Fact]
    public void The_newest_icu_the_cache_names_is_chosen()
    {
        Assert.Equal(74, IcuVersionPin.NewestIn(Cache("libicuuc.so.72", "libicuuc.so.74", "libicui18n.so.76", "libicuuc.so.63")));
        Assert.Equal(72, IcuVersionPin.NewestIn(Cache("libicudata.so.72", "libicuuc.so.72")));
    }

    [Fact]
    public void Versions_the_runtime_would_not_try_and_names_that_only_begin_alike_are_passed_over()
    {
        Assert.Null(IcuVersionPin.NewestIn(Cache("libicuuc.so.91", "libicuuc.so.49", "libicuuc.so.7x", "libicuuc.so.")));
        Assert.Null(IcuVersionPin.NewestIn(Cache("libicuuc.so")));
        Assert.Null(IcuVersionPin.NewestIn([]));
        Assert.Equal(90, IcuVersionPin.NewestIn(Cache("libicuuc.so.90", "libicuuc.so.720")));
        Assert.Equal(50, IcuVersionPin.NewestIn(Encoding.ASCII.GetBytes("libicuuc.so.50")));
    }

    [Theory]
    [InlineData("DOTNET_ICU_VERSION_OVERRIDE")]
    [InlineData("CLR_ICU_VERSION_OVERRIDE")]
    [InlineData("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT")]
    [InlineData("DOTNET_SYSTEM_GLOBALIZATION_APPLOCALICU")]
    [InlineData("LD_LIBRARY_PATH")]
    public void A_choice_already_made_by_the_environment_stands(string variable)
    {
        Assert.False(IcuVersionPin.Wanted(name => name == variable ? "1" : null, icuLinkedIn: false));
        Assert.True(IcuVersionPin.Wanted(name => name == "PATH" ? "/usr/bin" : null, icuLinkedIn: false));
    }

    [Fact]
    public void Nothing_is_pinned_when_icu_is_linked_into_the_executable() =>
        Assert.False(IcuVersionPin.Wanted(name => name == "PATH" ? "/usr/bin" : null, icuLinkedIn: true));
}
