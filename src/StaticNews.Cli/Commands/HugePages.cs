using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace StaticNews.Cli.Commands;

/// <summary>
/// Asks Linux to back the managed heap of a build that holds the collector off (<see cref="CollectorBudget"/>) with transparent
/// huge pages (2 MiB), where the system leaves that to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to
/// <c>madvise</c>, the usual default). Such a build allocates on memory it never touched, densely and without freeing any, and
/// with 4 KiB pages the kernel takes a fault per page. Whether that is worth 2 MiB pages depends on the machine, so it is
/// measured (<see cref="SmallPageFirstWrite"/>): where a fault costs what it does on most machines (well under a microsecond
/// to two), small pages stay, since on a virtual machine that hands free memory back to its host (virtio-balloon's free page
/// reporting) a huge page touched a few seconds after the last build can cost the host a fault for each of its 4 KiB pages:
/// a one-article edit took 1.8 times as long with them there. Where a fault is costly (9 to 20 µs on a virtual machine that
/// shadows the guest's page tables, such as PVM, every page-table write trapping to the host), huge pages take one fault for
/// 512: a one-article edit at 1,000 articles 126 against 80 ms there. <see cref="Variable"/> set to 1 asks for them
/// regardless, to 0 never. The heap is the range of memory the collector reserved at start-up, found in
/// <c>/proc/self/maps</c> around an object just allocated. Anywhere else, or should anything fail, nothing changes: pages stay
/// small. Cold builds never ask: they collect, freeing and reusing memory, and huge pages made them slower (5.3 s with them
/// against 3.8 s without at 10,000 articles).
/// </summary>
internal static class HugePages
{
    /// <summary>The environment variable that, set to 1, asks for huge pages whatever a fault costs, and set to 0 never does.</summary>
    public const string Variable = "STATICNEWS_HUGE_PAGES";

    /// <summary>A fault on a fresh small page at least this slow is costly: between the slowest measured where huge pages lost (about 2.7 µs) and the fastest where they won (about 9 µs).</summary>
    internal static readonly TimeSpan CostlySmallPageWrite = TimeSpan.FromMicroseconds(5);

    private const int ProbedPages = 16;

    /// <summary>Decides, for a build that holds the collector off, whether to ask for huge pages, and asks.</summary>
    public static HugePageAdvice AdviseForManagedHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return HugePageAdvice.None;
        }

        var choice = Choose(Environment.GetEnvironmentVariable(Variable), SmallPageFirstWrite);
        return choice.Wanted ? Apply(choice) : choice;
    }

    /// <summary>Advises huge pages for the managed heap's reservation, as <paramref name="choice"/> wants: the choice with the range advised, or not wanted when that failed.</summary>
    internal static HugePageAdvice Apply(HugePageAdvice choice)
    {
        try
        {
            // The pinned heap's regions come from the same reservation as the others'.
            var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(GC.AllocateArray<byte>(64, pinned: true), 0);
            return ReservationAround(address, File.ReadLines("/proc/self/maps")) is var (start, end)
                && LinuxMemory.Advise((nint)start, (nuint)(end - start), LinuxMemory.HugePage)
                    ? choice with { Range = (start, end) }
                    : choice with { Wanted = false };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return choice with { Wanted = false };
        }
    }

    /// <summary>
    /// Whether to ask for huge pages, given <see cref="Variable"/>'s value and, when it leaves that open, what a first write
    /// to a fresh small page costs here (measured only then).
    /// </summary>
    internal static HugePageAdvice Choose(string? variable, Func<TimeSpan?> smallPageFirstWrite) => variable switch
    {
        "1" => new HugePageAdvice(Wanted: true, SmallPageFirstWrite: null),
        "0" => HugePageAdvice.None,
        _ => smallPageFirstWrite() is { } cost ? new HugePageAdvice(Wanted: cost >= CostlySmallPageWrite, cost) : HugePageAdvice.None,
    };

    /// <summary>
    /// The median time a first write to a fresh 4 KiB page takes here, over <see cref="ProbedPages"/> pages mapped for the
    /// purpose (the median, so a thread switch during one write does not decide): the fault that clears and maps the page.
    /// Null when it cannot be measured.
    /// </summary>
    internal static TimeSpan? SmallPageFirstWrite()
    {
        var pageSize = Environment.SystemPageSize;
        var length = (nuint)(ProbedPages * pageSize);
        var start = LinuxMemory.MapAnonymous(length);
        if (start == 0)
        {
            return null;
        }

        try
        {
            _ = LinuxMemory.Advise(start, length, LinuxMemory.NoHugePage);
            Span<long> ticks = stackalloc long[ProbedPages];
            for (var page = 0; page < ProbedPages; page++)
            {
                var began = Stopwatch.GetTimestamp();
                Marshal.WriteByte(start, page * pageSize, 1);
                ticks[page] = Stopwatch.GetTimestamp() - began;
            }

            ticks.Sort();
            return Stopwatch.GetElapsedTime(0, (ticks[(ProbedPages / 2) - 1] + ticks[ProbedPages / 2]) / 2);
        }
        finally
        {
            LinuxMemory.Unmap(start, length);
        }
    }

    /// <summary>Asks for small pages again over <paramref name="range"/>: huge pages already in use stay.</summary>
    internal static void Withdraw((ulong Start, ulong End) range) =>
        _ = LinuxMemory.Advise((nint)range.Start, (nuint)(range.End - range.Start), LinuxMemory.NoHugePage);

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
    internal static (ulong Start, ulong End)? ReservationAround(ulong address, IEnumerable<string> maps)
    {
        var mappings = new List<(ulong Start, ulong End, bool Anonymous)>();
        foreach (var line in maps)
        {
            if (MappingOf(line) is { } mapping)
            {
                mappings.Add(mapping);
            }
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

    /// <summary>
    /// One line of <c>/proc/self/maps</c> ("start-end perms offset device inode [path]"), read in place: anonymous when its
    /// inode is 0 and it names no path. Null for a line of another shape.
    /// </summary>
    private static (ulong Start, ulong End, bool Anonymous)? MappingOf(ReadOnlySpan<char> line)
    {
        Span<Range> fields = stackalloc Range[6];
        var count = line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        var range = line[fields[0]];
        var dash = range.IndexOf('-');
        if (count < 5 || dash < 0 || range[(dash + 1)..].Contains('-'))
        {
            return null;
        }

        var anonymous = line[fields[4]] is "0" && (count == 5 || line[fields[5]].IsWhiteSpace());
        return (ulong.Parse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), anonymous);
    }
}
