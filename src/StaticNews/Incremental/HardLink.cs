using System.Runtime.InteropServices;

namespace StaticNews.Incremental;

/// <summary>
/// Puts an unchanged file from the previous output into the staging folder without writing its bytes: a hard link keeps the
/// same data and timestamps, so deploy tools that compare size and time upload nothing. Falls back to a copy where links fail.
/// </summary>
internal static partial class HardLink
{
    /// <returns>True when linked; false when the bytes had to be copied.</returns>
    public static bool LinkOrCopy(string existing, string target)
    {
        if (TryLink(existing, target))
        {
            return true;
        }

        File.Copy(existing, target, overwrite: true);
        return false;
    }

    private static bool TryLink(string existing, string target)
    {
        try
        {
            return OperatingSystem.IsWindows() ? CreateHardLinkW(target, existing, IntPtr.Zero) : link(existing, target) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLinkW(string fileName, string existingFileName, IntPtr securityAttributes);
}
