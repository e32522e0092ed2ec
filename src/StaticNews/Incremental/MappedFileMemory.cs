using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace StaticNews.Incremental;

/// <summary>
/// A file mapped read-only into memory, as <see cref="Memory{T}"/>: its pages come straight from the operating system's
/// page cache, several at a time, instead of being copied into freshly allocated memory. The mapping lives as long as any
/// memory taken from it (which keeps this object, and so the mapping, reachable) and goes with it. A span does not keep it:
/// whoever reads a span of it holds a pin of the memory meanwhile (<see cref="Pin"/> keeps this object reachable), or the
/// collector may unmap the file under the span. StaticNews never changes
/// a cache file in place (it writes a new file and renames it over the old one), so a mapped file does not change under a
/// build that uses it.
/// </summary>
internal sealed unsafe class MappedFileMemory : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;

    private MappedFileMemory(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        _file = file;
        _view = view;
        _start = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
        _length = length;
    }

    /// <summary>
    /// Whether files are mapped here rather than read: not on Windows, where a mapped file cannot be replaced, and a cache
    /// file is replaced while the build that read it still uses its entries.
    /// </summary>
    public static bool IsSupported => !OperatingSystem.IsWindows();

    /// <summary>The bytes of the file at <paramref name="path"/> (which must not be empty nor larger than 2 GiB), mapped.</summary>
    public static ReadOnlyMemory<byte> Map(string path)
    {
        // The file can be closed once mapped: the mapping keeps what it maps.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var length = checked((int)stream.Length);
        var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            return new MappedFileMemory(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length).Memory;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Files from this size on are mapped (where supported) rather than read: read, a file lands in a new array, memory the
    /// kernel must fault in and clear before the copy (1.2 of the 28 MiB an edit at 1,000 articles allocated went to the front
    /// matter and build caches, 0.8 and 0.5 MB). Mapped, its pages come from the file cache as they are read.
    /// </summary>
    public const long MapFromBytes = 1L << 16;

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>: mapped where files are and it is at least <see cref="MapFromBytes"/>
    /// long (<see cref="IsMapped"/>), read into a new array otherwise.
    /// </summary>
    public static ReadOnlyMemory<byte> MapOrRead(string path) =>
        IsSupported && new FileInfo(path).Length >= MapFromBytes ? Map(path) : File.ReadAllBytes(path);

    /// <summary>Whether <paramref name="memory"/> is (part of) a mapped file.</summary>
    public static bool IsMapped(ReadOnlyMemory<byte> memory) => MemoryMarshal.TryGetMemoryManager(memory, out MappedFileMemory? _);

    /// <summary>Unmaps what <see cref="MapOrRead"/> mapped, at once rather than when the collector finds it unused; nothing for bytes it read.</summary>
    public static void Release(ReadOnlyMemory<byte> memory)
    {
        if (MemoryMarshal.TryGetMemoryManager(memory, out MappedFileMemory? mapped))
        {
            ((IDisposable)mapped).Dispose();
        }
    }

    /// <summary>
    /// Maps every page of <paramref name="part"/> of a mapped file at once (Linux 5.14 and later), as a checksum is about to
    /// read them all: one system call instead of a page fault per 64 KiB read, each a round trip through the kernel (and, on a
    /// virtual machine, often the host). Nothing for memory that is not a mapped file, or where the call is not known: the
    /// pages come in as they are read.
    /// </summary>
    public static void Populate(ReadOnlyMemory<byte> part)
    {
        if (OperatingSystem.IsLinux() && IsMapped(part) && !part.IsEmpty)
        {
            using var pinned = part.Pin();
            var start = (nint)pinned.Pointer;
            var pageOffset = start & (Environment.SystemPageSize - 1);
            _ = LinuxMemory.Advise(start - pageOffset, (nuint)(part.Length + pageOffset), LinuxMemory.PopulateRead);
        }
    }

    public override Span<byte> GetSpan() => new(_start, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex, pinnable: this);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _view.Dispose();
            _file.Dispose();
        }
    }
}
