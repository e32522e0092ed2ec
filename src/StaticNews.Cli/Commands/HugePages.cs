using System.Globalization;
using System.Runtime.InteropServices;

namespace StaticNews.Cli.Commands;

/// <summary>
/// Asks Linux, when told to (<see cref="OptInVariable"/> set to 1), to back the managed heap with transparent huge pages
/// (2 MiB) where the system leaves that to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to
/// <c>madvise</c>, the usual default). Every page a build allocates on is new memory: with 4 KiB pages that is a page fault
/// per 4 KiB, about a tenth of a one-article edit's CPU time at 1,000 articles when builds follow each other at once. Not by
/// default: on a virtual machine that hands free memory back to its host (virtio-balloon's free page reporting, as on this
/// project's machines), the free 2 MiB blocks huge pages come from are the ones handed back, and after a few seconds idle
/// each costs the host a fault on first touch: a one-article edit took 1.8 to 1.9 times as long with them. The heap is the
/// range of memory the collector reserved at start-up, found in <c>/proc/self/maps</c> around an object just allocated.
/// Anywhere else, or should anything fail, nothing changes: pages stay small.
/// </summary>
internal static partial class HugePages
{
    /// <summary>The environment variable that, set to 1, asks for huge pages.</summary>
    public const string OptInVariable = "STATICNEWS_HUGE_PAGES";

    private const int AdviseHugePage = 14;

    /// <summary>Advises huge pages for the managed heap's reservation; false when it did not (not asked to, not Linux, or not found).</summary>
    public static bool AdviseForManagedHeap()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(OptInVariable) != "1")
        {
            return false;
        }

        try
        {
            // The pinned heap's regions come from the same reservation as the others'.
            var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(GC.AllocateArray<byte>(64, pinned: true), 0);
            return ReservationAround(address, File.ReadAllLines("/proc/self/maps")) is var (start, end)
                && Advise((nint)start, (nuint)(end - start), AdviseHugePage) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>How much of the process's memory huge pages back now (AnonHugePages of <c>/proc/self/smaps_rollup</c>), or null when unknown.</summary>
    public static long? BytesInUse()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
            {
                if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal)
                    && line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kibibytes, "kB"])
                {
                    return long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
        }

        return null;
    }

    /// <summary>
    /// The run of adjacent anonymous mappings (no file, inode 0) of <paramref name="maps"/> that holds <paramref name="address"/>:
    /// the collector's reservation, its committed and reserved parts side by side. Null when no anonymous mapping holds it.
    /// </summary>
    internal static (ulong Start, ulong End)? ReservationAround(ulong address, IReadOnlyList<string> maps)
    {
        var mappings = new List<(ulong Start, ulong End, bool Anonymous)>(maps.Count);
        foreach (var line in maps)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || fields[0].Split('-') is not [var from, var to])
            {
                continue;
            }

            var anonymous = fields[4] == "0" && (fields.Length == 5 || string.IsNullOrWhiteSpace(fields[5]));
            mappings.Add((ulong.Parse(from, NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(to, NumberStyles.HexNumber, CultureInfo.InvariantCulture), anonymous));
        }

        var at = mappings.FindIndex(m => m.Start <= address && address < m.End);
        if (at < 0 || !mappings[at].Anonymous)
        {
            return null;
        }

        var first = at;
        while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].End == mappings[first].Start)
        {
            first--;
        }

        var last = at;
        while (last < mappings.Count - 1 && mappings[last + 1].Anonymous && mappings[last + 1].Start == mappings[last].End)
        {
            last++;
        }

        return (mappings[first].Start, mappings[last].End);
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Advise(nint address, nuint length, int advice);
}
