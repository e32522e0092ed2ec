using System.Runtime.InteropServices;

namespace StaticNews.Cli;

/// <summary>
/// Tells .NET, on Linux, which version of the system's ICU to load before it looks for one. The runtime finds ICU by trying
/// to load <c>libicuuc.so.90</c>, then <c>.89</c>, and so on down to the version installed, each failed try a search of
/// the loader's folders: on Debian 12 (ICU 72), 18 failed loads and 115 file opens, 1 to 1.5 ms of every start of the tool
/// (an unchanged 1,000-article build takes about 31 ms). The loader's own cache (<c>/etc/ld.so.cache</c>) names the
/// versions installed; the newest is handed to the runtime in <see cref="Variable"/>, which it reads when it loads ICU,
/// at the first use of culture data, after this. Should that version fail to load, the runtime searches as usual.
/// <para>
/// Nothing is set when any of the variables that choose ICU or invariant mode is set, when <c>LD_LIBRARY_PATH</c> could lead
/// the loader to another ICU first, or when the cache names none (musl-based systems keep no such cache). It only takes
/// effect in the natively compiled tool, where <c>setenv</c> is linked directly (<c>DirectPInvoke</c> in the project):
/// elsewhere resolving the call at run time loads ICU first, and setting the variable then changes nothing. Nor is anything
/// read when ICU is linked into the executable (<see cref="LinkedInSwitch"/>, set by the Fast publish profile): the runtime
/// then loads no ICU at all.
/// </para>
/// </summary>
internal static partial class IcuVersionPin
{
    public const string Variable = "DOTNET_ICU_VERSION_OVERRIDE";

    /// <summary>The runtime switch the natively compiled tool carries when ICU is linked into it.</summary>
    public const string LinkedInSwitch = "StaticNews.IcuLinkedIn";

    private const string LoaderCache = "/etc/ld.so.cache";

    /// <summary>The versions the runtime tries, newest first from this one.</summary>
    private const int NewestVersion = 90;

    private const int OldestVersion = 50;

    /// <summary>The variables under which the user (or the system) already chose how culture data is loaded.</summary>
    private static readonly string[] ChoosingVariables =
    [
        Variable,
        "CLR_ICU_VERSION_OVERRIDE",
        "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT",
        "DOTNET_SYSTEM_GLOBALIZATION_APPLOCALICU",
        "LD_LIBRARY_PATH",
    ];

    /// <summary>
    /// Sets <see cref="Variable"/> to the newest ICU the loader's cache names, unless something else already decides. Must run
    /// before anything reads culture data: string formatting of numbers included, so nothing here formats one.
    /// </summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsLinux() || !Wanted(Environment.GetEnvironmentVariable, AppContext.TryGetSwitch(LinkedInSwitch, out var linkedIn) && linkedIn))
        {
            return;
        }

        try
        {
            if (NewestIn(File.ReadAllBytes(LoaderCache)) is { } version)
            {
                Set(version);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EntryPointNotFoundException or DllNotFoundException)
        {
            // No cache to read, or no setenv to call: the runtime searches as usual.
        }
    }

    /// <summary>Whether to pin a version, given the process's environment (<paramref name="variable"/>) and whether ICU is linked into the executable.</summary>
    internal static bool Wanted(Func<string, string?> variable, bool icuLinkedIn) =>
        !icuLinkedIn && Array.TrueForAll(ChoosingVariables, name => variable(name) is null);

    /// <summary>
    /// The newest major version of <c>libicuuc.so</c> within the runtime's range that the loader cache's bytes
    /// <paramref name="cache"/> name; null when none.
    /// </summary>
    internal static int? NewestIn(ReadOnlySpan<byte> cache)
    {
        ReadOnlySpan<byte> name = "libicuuc.so."u8;
        int? newest = null;
        while (cache.IndexOf(name) is var at and >= 0)
        {
            cache = cache[(at + name.Length)..];
            var digits = 0;
            var version = 0;
            while (digits < cache.Length && digits < 4 && char.IsAsciiDigit((char)cache[digits]))
            {
                version = (version * 10) + (cache[digits] - '0');
                digits++;
            }

            var whole = digits == cache.Length || cache[digits] is 0 or (byte)'.';
            if (digits > 0 && whole && version is >= OldestVersion and <= NewestVersion && version > (newest ?? 0))
            {
                newest = version;
            }
        }

        return newest;
    }

    /// <summary>Sets the variable in the process's own environment, where the runtime's native code reads it (the managed <see cref="Environment"/> keeps a copy of its own).</summary>
    private static void Set(int version)
    {
        // Variable's name as the C library takes it; the version in two digits, formatted by hand (formatting a number reads culture data).
        ReadOnlySpan<byte> name = "DOTNET_ICU_VERSION_OVERRIDE\0"u8;
        Span<byte> value = [(byte)('0' + (version / 10)), (byte)('0' + (version % 10)), 0];
        _ = SetEnvironmentVariable(ref MemoryMarshal.GetReference(name), ref MemoryMarshal.GetReference(value), overwrite: 0);
    }

    [LibraryImport("libc", EntryPoint = "setenv")]
    private static partial int SetEnvironmentVariable(ref byte name, ref byte value, int overwrite);
}
