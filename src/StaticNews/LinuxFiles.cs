using System.Runtime.InteropServices;

namespace StaticNews;

/// <summary>
/// The C library's file calls StaticNews makes on Linux where it asks about many files at once (the output check's folders,
/// the stamps of the site's files): a folder opened and listed, and each entry's status asked relative to it with
/// <c>statx</c> for the fields wanted alone. Where the library lacks a call (another system, a C library without
/// <c>statx</c>), calling it throws <see cref="EntryPointNotFoundException"/> or <see cref="DllNotFoundException"/>; each use
/// is an optimisation its caller then does without.
/// </summary>
internal static unsafe partial class LinuxFiles
{
    /// <summary><c>AT_FDCWD</c>: a path relative to the current folder, or absolute.</summary>
    public const int AtCurrentFolder = -100;

    /// <summary><c>AT_SYMLINK_NOFOLLOW</c>: the status of a link itself, not of what it points to.</summary>
    public const int AtSymlinkNoFollow = 0x100;

    /// <summary><c>STATX_TYPE</c>.</summary>
    public const uint TypeField = 0x1;

    /// <summary><c>STATX_MTIME</c>.</summary>
    public const uint ModifiedTimeField = 0x40;

    /// <summary><c>STATX_SIZE</c>.</summary>
    public const uint SizeField = 0x200;

    /// <summary><c>O_PATH | O_CLOEXEC</c>: a descriptor that only names a folder, for calls relative to it.</summary>
    public const int OpenPathOnly = 0x200000 | 0x80000;

    /// <summary><c>O_RDONLY | O_DIRECTORY | O_CLOEXEC</c>: a folder opened to be listed.</summary>
    public const int OpenFolderToList = 0x10000 | 0x80000;

    /// <summary>The size of <c>struct statx</c>.</summary>
    public const int StatusBytes = 256;

    private const int MaskOffset = 0;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int ModifiedSecondsOffset = 112;
    private const int ModifiedNanosecondsOffset = 120;
    private const int FileTypeMask = 0xF000;
    private const int FolderType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>
    /// What <c>statx</c> says of <paramref name="path"/> (zero-terminated UTF-8, relative to the folder <paramref name="folder"/>
    /// names) into <paramref name="buffer"/> (<see cref="StatusBytes"/> long); false when the call failed (no such file, no access).
    /// </summary>
    public static bool TryStatus(int folder, byte* path, int flags, uint fields, byte* buffer, out FileStatus status)
    {
        if (Statx(folder, path, flags, fields, buffer) != 0)
        {
            status = default;
            return false;
        }

        status = new FileStatus(
            *(uint*)(buffer + MaskOffset),
            *(ushort*)(buffer + ModeOffset) & FileTypeMask,
            *(long*)(buffer + SizeOffset),
            DateTime.UnixEpoch.Ticks + (*(long*)(buffer + ModifiedSecondsOffset) * TimeSpan.TicksPerSecond) + (*(uint*)(buffer + ModifiedNanosecondsOffset) / 100));
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx")]
    private static partial int Statx(int folder, byte* path, int flags, uint mask, byte* status);

    [LibraryImport("libc", EntryPoint = "open")]
    public static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "openat")]
    public static partial int OpenAt(int folder, byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int descriptor);

    /// <summary>A listing of the folder open as <paramref name="descriptor"/>, which it then owns; 0 when it could not be made.</summary>
    [LibraryImport("libc", EntryPoint = "fdopendir")]
    public static partial nint FdOpenDir(int descriptor);

    /// <summary>The listing's next entry (a <c>struct dirent</c>, see <see cref="FolderEntry"/>); 0 at the end.</summary>
    [LibraryImport("libc", EntryPoint = "readdir")]
    public static partial nint ReadDir(nint listing);

    /// <summary>Ends a listing and closes its folder.</summary>
    [LibraryImport("libc", EntryPoint = "closedir")]
    public static partial int CloseDir(nint listing);

    /// <summary>The fields of a <c>statx</c> answer StaticNews reads. <see cref="LastWriteTicks"/> is in UTC, truncated to 100 ns as .NET's times are.</summary>
    public readonly record struct FileStatus(uint Fields, int Type, long Length, long LastWriteTicks)
    {
        public bool IsFolder => Type == FolderType;

        public bool IsLink => Type == LinkType;

        /// <summary>Whether the file system filled in all of <paramref name="fields"/>.</summary>
        public bool Has(uint fields) => (Fields & fields) == fields;
    }

    /// <summary>
    /// A <c>struct dirent</c> as <see cref="ReadDir"/> hands it (the same layout in glibc and musl on 64-bit Linux): the entry's
    /// type as the folder knows it, and its name, zero-terminated UTF-8, valid until the next read.
    /// </summary>
    public readonly struct FolderEntry(nint entry)
    {
        private const int TypeOffset = 18;
        private const int NameOffset = 19;

        /// <summary><c>DT_UNKNOWN</c>: the file system does not say; <c>statx</c> does.</summary>
        public const byte UnknownType = 0;

        /// <summary><c>DT_DIR</c>.</summary>
        public const byte FolderType = 4;

        /// <summary><c>DT_LNK</c>.</summary>
        public const byte LinkType = 10;

        public byte Type => ((byte*)entry)[TypeOffset];

        public byte* Name => (byte*)entry + NameOffset;
    }
}
