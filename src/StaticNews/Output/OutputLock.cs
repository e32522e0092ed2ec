using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace StaticNews.Output;

/// <summary>
/// Keeps two builds from writing one output folder at once (two terminals, overlapping CI jobs on one runner): each would
/// take the other's staging folder for the leftover of a killed build and remove it. A build that may write holds an
/// exclusive lock on a file in the build cache folder (<see cref="FileName"/>) from before it first looks at the output until
/// it returns; a second build waits for it, then finds the output the first one left. The lock is the operating system's
/// (<c>flock</c> on Linux and macOS, asked for here since the CLI turns .NET's own locking off; a sharing mode on Windows):
/// it ends with the process, however it ends, so a killed build never leaves one behind. Where the file system cannot lock
/// (some network file systems), the build goes on unguarded, as before there was a lock. A cache folder made for the lock
/// alone (a first build that failed, one with --force) is removed with it, so such a build leaves nothing beside the output.
/// </summary>
internal sealed partial class OutputLock : IDisposable
{
    public const string FileName = "build.lock";

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int Interrupted = 4;

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _file;
    private readonly string? _folderMadeForLock;

    private OutputLock(FileStream file, string? folderMadeForLock)
    {
        _file = file;
        _folderMadeForLock = folderMadeForLock;
    }

    /// <summary>
    /// Takes the lock of <paramref name="output"/>, creating its cache folder if need be; when another build holds it, calls
    /// <paramref name="onWait"/> once and waits until it is free or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static OutputLock Take(OutputFolder output, Action? onWait, CancellationToken cancellationToken)
    {
        var path = Path.Combine(output.CachePath, FileName);
        var waiting = false;
        while (true)
        {
            // Made again on each try: the build waited for may have removed the folder it made for its lock.
            var folderMadeForLock = Directory.Exists(output.CachePath) ? null : output.CachePath;
            Directory.CreateDirectory(output.CachePath);
            if (TryOpenLocked(path) is not { } file)
            {
                if (!waiting)
                {
                    waiting = true;
                    onWait?.Invoke();
                }

                cancellationToken.WaitHandle.WaitOne(RetryInterval);
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            if (File.Exists(path))
            {
                return new OutputLock(file, folderMadeForLock);
            }

            // Locked just as the build before removed it: that file no longer guards anything.
            file.Dispose();
        }
    }

    public void Dispose()
    {
        if (_folderMadeForLock is not null && Directory.Exists(_folderMadeForLock) && Directory.EnumerateFileSystemEntries(_folderMadeForLock).Count() == 1)
        {
            // Removed while still held, so no other build can have taken it in between.
            File.Delete(_file.Name);
            _file.Dispose();
            Directory.Delete(_folderMadeForLock);
            return;
        }

        _file.Dispose();
    }

    /// <summary>The lock file opened and locked, or null when another build holds it.</summary>
    private static FileStream? TryOpenLocked(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.None : FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }

        if (OperatingSystem.IsWindows() || TryLock(file.SafeFileHandle))
        {
            return file;
        }

        file.Dispose();
        return null;
    }

    /// <summary><c>EWOULDBLOCK</c>: 11 on Linux, 35 on macOS and the BSDs.</summary>
    private static int WouldBlock => OperatingSystem.IsLinux() ? 11 : 35;

    /// <summary>
    /// Takes <c>flock</c>'s exclusive lock without waiting: false when another handle holds it; true when taken, and when the
    /// file system cannot lock at all (the build then goes on unguarded).
    /// </summary>
    private static bool TryLock(SafeFileHandle file)
    {
        while (true)
        {
            if (Flock(file, LockExclusive | LockNonBlocking) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                return error != WouldBlock;
            }
        }
    }

    /// <summary>
    /// Whether opening failed because another handle holds the file: on Windows a sharing or lock violation (its error codes
    /// 32 and 33 in the result); elsewhere .NET's own lock, where it is on (the tests' process), failing with EWOULDBLOCK.
    /// </summary>
    private static bool IsHeldElsewhere(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == WouldBlock;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle file, int operation);
}
