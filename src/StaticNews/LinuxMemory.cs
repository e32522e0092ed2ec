using System.Runtime.InteropServices;

namespace StaticNews;

/// <summary>
/// The C library's memory calls StaticNews makes on Linux, for the engine (cache files' pages mapped at once) and the CLI
/// (huge pages for the heap). Where the library lacks one (not Linux, an old or different C library), the call reports
/// failure instead of throwing: each use is an optimisation the build does without.
/// </summary>
internal static partial class LinuxMemory
{
    /// <summary><c>MADV_HUGEPAGE</c>: back the range with transparent huge pages where the system allows.</summary>
    public const int HugePage = 14;

    /// <summary><c>MADV_NOHUGEPAGE</c>: small pages for whatever the range touches from now on.</summary>
    public const int NoHugePage = 15;

    /// <summary><c>MADV_POPULATE_READ</c>: map every page of the range now, for reading (Linux 5.14 and later).</summary>
    public const int PopulateRead = 22;

    private const int ReadWrite = 0x1 | 0x2;
    private const int PrivateAnonymous = 0x02 | 0x20;

    /// <summary><c>madvise</c>: whether the kernel took the advice.</summary>
    public static bool Advise(nint address, nuint length, int advice)
    {
        try
        {
            return Madvise(address, length, advice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>New private memory of <paramref name="length"/> bytes, readable and writable, untouched; 0 when none was mapped.</summary>
    public static nint MapAnonymous(nuint length)
    {
        try
        {
            var start = Mmap(0, length, ReadWrite, PrivateAnonymous, -1, 0);
            return start == -1 ? 0 : start;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Gives back memory <see cref="MapAnonymous"/> mapped.</summary>
    public static void Unmap(nint address, nuint length) => _ = Munmap(address, length);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int descriptor, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);
}
