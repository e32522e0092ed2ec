using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticNews.Cli;

/// <summary>
/// Maps the natively compiled tool's code into the process at once, on Linux. The kernel maps an executable's pages as they
/// are first run, a fault each (with its neighbours: 64 KiB a fault by default), and a build runs nearly all of the 10 MB of
/// code: about 150 faults. Where a fault is costly, on a virtual machine that shadows the guest's page tables (PVM here:
/// 20 µs a fault), that is 3 ms of every start, while one <c>madvise(MADV_POPULATE_READ)</c> maps the same pages in about
/// 0.7 ms. The pages are the executable file's own, already in the page cache: nothing is copied or allocated. Elsewhere (not
/// 64-bit Linux, a kernel before 5.14, the JIT-compiled tool, whose code is not in its executable) nothing happens. The same
/// program headers lead to the executable's build ID (<see cref="BuildId"/>), which names the culture data linked into it.
/// </summary>
internal static unsafe partial class ExecutableCode
{
    private const nuint ProgramHeadersEntry = 3;
    private const nuint ProgramHeaderCountEntry = 5;
    private const nuint EntryPointEntry = 9;
    private const uint LoadedSegment = 1;
    private const uint HeadersSegment = 6;
    private const uint NoteSegment = 4;
    private const uint GnuBuildIdNote = 3;
    private const uint Executable = 1;

    /// <summary>Maps the executable's code segment now, in one call.</summary>
    public static void Map()
    {
        if (!RuntimeFeature.IsDynamicCodeSupported && CodeSegment() is var (start, length))
        {
            _ = LinuxMemory.Advise((nint)start, (nuint)length, LinuxMemory.PopulateRead);
        }
    }

    /// <summary>The address the executable starts at, as the kernel handed it to the process (its code segment holds it).</summary>
    internal static long EntryPoint => (long)GetAuxiliaryValue(EntryPointEntry);

    /// <summary>
    /// The executable's loaded segment of code, page-aligned, from the program headers the kernel handed the process; null
    /// where there are none to read (not 64-bit Linux, or a C library without <c>getauxval</c>).
    /// </summary>
    internal static (long Start, long Length)? CodeSegment()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            return CodeSegmentOf((ElfProgramHeader*)GetAuxiliaryValue(ProgramHeadersEntry), (int)GetAuxiliaryValue(ProgramHeaderCountEntry));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The executable's GNU build ID in hexadecimal (a hash of its contents the linker writes into a note, which the kernel
    /// maps with the rest of it), or null where there is none to read.
    /// </summary>
    internal static string? BuildId()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            return BuildIdOf((ElfProgramHeader*)GetAuxiliaryValue(ProgramHeadersEntry), (int)GetAuxiliaryValue(ProgramHeaderCountEntry));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string? BuildIdOf(ElfProgramHeader* headers, int count)
    {
        if (headers is null || count <= 0)
        {
            return null;
        }

        var loadBias = LoadBiasOf(headers, count);
        for (var i = 0; i < count; i++)
        {
            if (headers[i].Type == NoteSegment && IsLoaded(headers, count, headers[i].VirtualAddress, headers[i].MemorySize)
                && GnuBuildIdIn(new ReadOnlySpan<byte>((byte*)(loadBias + (long)headers[i].VirtualAddress), (int)Math.Min(headers[i].MemorySize, int.MaxValue)), headers[i].Alignment == 8 ? 8 : 4) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Whether the bytes at <paramref name="address"/> lie in a segment the kernel mapped (a note outside any is not in memory).</summary>
    private static bool IsLoaded(ElfProgramHeader* headers, int count, ulong address, ulong length)
    {
        for (var i = 0; i < count; i++)
        {
            if (headers[i].Type == LoadedSegment && address >= headers[i].VirtualAddress && address + length <= headers[i].VirtualAddress + headers[i].FileSize)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The build ID among <paramref name="notes"/> (<c>Elf64_Nhdr</c>s, each name and description padded to <paramref name="alignment"/>).</summary>
    internal static string? GnuBuildIdIn(ReadOnlySpan<byte> notes, int alignment)
    {
        const int HeaderLength = 12;
        while (notes.Length >= HeaderLength)
        {
            var nameLength = MemoryMarshal.Read<uint>(notes);
            var descriptionLength = MemoryMarshal.Read<uint>(notes[4..]);
            var type = MemoryMarshal.Read<uint>(notes[8..]);
            var nameEnd = HeaderLength + Aligned(nameLength, alignment);
            var end = nameEnd + Aligned(descriptionLength, alignment);
            if (nameLength > int.MaxValue || descriptionLength > int.MaxValue || end > notes.Length)
            {
                return null;
            }

            if (type == GnuBuildIdNote && notes.Slice(HeaderLength, (int)nameLength).SequenceEqual("GNU\0"u8) && descriptionLength > 0)
            {
                return Convert.ToHexStringLower(notes.Slice((int)nameEnd, (int)descriptionLength));
            }

            notes = notes[(int)end..];
        }

        return null;
    }

    private static long Aligned(uint length, int alignment) => ((long)length + alignment - 1) & ~(long)(alignment - 1);

    private static (long Start, long Length)? CodeSegmentOf(ElfProgramHeader* headers, int count)
    {
        if (headers is null || count <= 0)
        {
            return null;
        }

        // Aligned to the system's pages, as madvise wants (4 KiB on x64, up to 64 KiB on arm64), as MappedFileMemory aligns.
        var pageMask = (long)Environment.SystemPageSize - 1;
        var loadBias = LoadBiasOf(headers, count);
        for (var i = 0; i < count; i++)
        {
            if (headers[i].Type == LoadedSegment && (headers[i].Flags & Executable) != 0)
            {
                var start = (loadBias + (long)headers[i].VirtualAddress) & ~pageMask;
                var end = (loadBias + (long)headers[i].VirtualAddress + (long)headers[i].MemorySize + pageMask) & ~pageMask;
                return (start, end - start);
            }
        }

        return null;
    }

    /// <summary>Where the executable was loaded: the headers' address less the address they ask for (0 unless position-independent).</summary>
    private static long LoadBiasOf(ElfProgramHeader* headers, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (headers[i].Type == HeadersSegment)
            {
                return (long)headers - (long)headers[i].VirtualAddress;
            }
        }

        return 0;
    }

    [LibraryImport("libc", EntryPoint = "getauxval")]
    private static partial nuint GetAuxiliaryValue(nuint type);

    /// <summary><c>Elf64_Phdr</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct ElfProgramHeader
    {
        public readonly uint Type;
        public readonly uint Flags;
        public readonly ulong Offset;
        public readonly ulong VirtualAddress;
        public readonly ulong PhysicalAddress;
        public readonly ulong FileSize;
        public readonly ulong MemorySize;
        public readonly ulong Alignment;
    }
}
