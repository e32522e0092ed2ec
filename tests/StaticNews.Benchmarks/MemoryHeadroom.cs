using System.Globalization;

namespace StaticNews.Benchmarks;

/// <summary>
/// How much memory the machine can still give when the benchmark starts, from <c>/proc/meminfo</c>. A run without room is
/// not comparable with others: with 0.7 GiB of 24 left (files in <c>/dev/shm</c> hold memory the kernel cannot reclaim
/// without swap), alternating builds differed by 26 to 58 ms per one-article edit at 10,000 articles under two process
/// settings that made no difference once the memory was free again.
/// </summary>
internal static class MemoryHeadroom
{
    /// <summary>Below this much available memory, the line printed warns that the figures are not comparable.</summary>
    public const long LowBytes = 4L << 30;

    /// <summary>The line to print: available and total memory, and a warning when little is left; null where unknown.</summary>
    public static string? Describe()
    {
        if (!File.Exists("/proc/meminfo") || Read(File.ReadLines("/proc/meminfo")) is not { } memory)
        {
            return null;
        }

        var (available, total) = memory;
        var line = string.Create(CultureInfo.InvariantCulture, $"Memory: {available / (double)(1L << 30):F1} GiB available of {total / (double)(1L << 30):F1} at the start.");
        return available < LowBytes
            ? line + " Little is left: the kernel reclaiming memory slows builds unevenly, so these figures are not comparable with a run that had room (free /dev/shm, or stop what holds the memory)."
            : line;
    }

    /// <summary>MemAvailable and MemTotal in bytes, from the lines of <c>/proc/meminfo</c>; null when either is missing.</summary>
    internal static (long Available, long Total)? Read(IEnumerable<string> lines)
    {
        long? available = null;
        long? total = null;
        foreach (var line in lines)
        {
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var name, var kibibytes, "kB"] && long.TryParse(kibibytes, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                switch (name)
                {
                    case "MemAvailable:":
                        available = value * 1024;
                        break;
                    case "MemTotal:":
                        total = value * 1024;
                        break;
                }
            }
        }

        return available is { } a && total is { } t ? (a, t) : null;
    }
}
