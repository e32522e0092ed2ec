using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace StaticNews.Benchmarks;

/// <summary>
/// Runs a command and times it: started with <c>posix_spawn</c> and reaped with <c>wait4</c>, whose resource usage gives
/// its CPU time, while the benchmark times the wall clock from the spawn to the reaping. Timed under <c>/usr/bin/time</c>,
/// as it was, every figure also counted GNU time's own start and exit: 8 to 10 ms on a host where every page-table change
/// traps to the hypervisor (PVM), a tenth of a one-article edit at 1,000 articles. <see cref="HarnessSeconds"/> measures
/// what is left (starting and reaping a process), and the benchmark prints it.
/// <para>
/// Peak memory is another run's (<see cref="RunForPeak"/>), under <c>/usr/bin/time -v</c>: the peak <c>wait4</c> reports for
/// a command spawned here also counts this process's memory, which the command shared until it started (Linux records the
/// old address space's peak at <c>exec</c>, and <c>posix_spawn</c> shares it), 250 MiB once a 10,000-article corpus is made.
/// GNU time starts its command from a process of 2 MiB.
/// </para>
/// </summary>
internal static partial class TimedProcess
{
    public const string TimePath = "/usr/bin/time";

    /// <summary>How many runs of <c>/bin/true</c> <see cref="HarnessSeconds"/> takes the median of.</summary>
    public const int HarnessRuns = 11;

    /// <summary>Whether commands can be timed here: Linux, whose C library has <c>posix_spawn</c>, <c>wait4</c> and the flags used here, with GNU time installed.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists(TimePath);

    /// <summary>
    /// Runs the command, its output going to a file in <paramref name="workingDirectory"/>, printed should it fail; no peak
    /// memory. Dirty pages are written to disk first (<c>sync</c>), so no run pays for the previous one's output being flushed
    /// in the background: a cold build leaves half a gigabyte to write back, which slowed the incremental builds measured
    /// right after it by a fifth. <paramref name="overrides"/> are set in the command's environment over this process's.
    /// </summary>
    public static RunMeasurement Run(string fileName, IEnumerable<string> arguments, string workingDirectory, EnvironmentOverrides? overrides = null)
    {
        var (wallSeconds, cpuSeconds, exitCode) = Spawn(fileName, arguments, workingDirectory, overrides ?? EnvironmentOverrides.None);
        return new RunMeasurement(wallSeconds, cpuSeconds, PeakRssKiB: null, exitCode);
    }

    /// <summary>As <see cref="Run"/>, under <c>/usr/bin/time -v</c> for the command's peak memory; its times count GNU time's too.</summary>
    public static RunMeasurement RunForPeak(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var report = Path.Combine(workingDirectory, ".timed-process.time");
        var (wallSeconds, cpuSeconds, exitCode) = Spawn(TimePath, ["-v", "-o", report, fileName, .. arguments], workingDirectory, EnvironmentOverrides.None);
        var peak = File.ReadLines(report).Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(PeakLabel, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Unexpected /usr/bin/time report:\n" + File.ReadAllText(report));
        File.Delete(report);
        return new RunMeasurement(wallSeconds, cpuSeconds, long.Parse(peak[PeakLabel.Length..], CultureInfo.InvariantCulture), exitCode);
    }

    private const string PeakLabel = "Maximum resident set size (kbytes): ";

    private static (double WallSeconds, double CpuSeconds, int ExitCode) Spawn(string fileName, IEnumerable<string> arguments, string workingDirectory, EnvironmentOverrides overrides)
    {
        FlushDirtyPages();
        var log = Path.Combine(workingDirectory, ".timed-process.log");
        using var spawn = new SpawnArguments(fileName, arguments, workingDirectory, log, overrides);
        var clock = Stopwatch.StartNew();
        var error = PosixSpawn(out var pid, spawn.File, spawn.FileActions, 0, spawn.Arguments, spawn.Environment);
        if (error != 0)
        {
            throw new InvalidOperationException($"Could not start {fileName}: error {error}.");
        }

        int reaped;
        int status;
        ResourceUsage usage;
        do
        {
            reaped = Wait4(pid, out status, 0, out usage);
        }
        while (reaped < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        var wallSeconds = clock.Elapsed.TotalSeconds;
        if (reaped != pid)
        {
            throw new InvalidOperationException($"Could not wait for {fileName}: error {Marshal.GetLastPInvokeError()}.");
        }

        var exitCode = ExitCodeOf(status);
        if (exitCode != 0)
        {
            Console.Error.WriteLine(File.ReadAllText(log));
        }

        File.Delete(log);
        return (wallSeconds, usage.UserTime.Seconds + usage.SystemTime.Seconds, exitCode);
    }

    /// <summary>The median wall time of <c>/bin/true</c> run as <see cref="Run"/> runs a build: what timing adds to every figure.</summary>
    public static double HarnessSeconds(string workingDirectory)
    {
        var seconds = new double[HarnessRuns];
        for (var i = 0; i < seconds.Length; i++)
        {
            seconds[i] = Run("/bin/true", [], workingDirectory).WallSeconds;
        }

        Array.Sort(seconds);
        return seconds[HarnessRuns / 2];
    }

    /// <summary>Writes dirty pages to disk (<c>sync</c>), on Linux.</summary>
    public static void FlushDirtyPages()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    /// <summary>The exit code in a status <c>wait4</c> gave, or 128 plus the signal that ended the process.</summary>
    internal static int ExitCodeOf(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    private const int Interrupted = 4;

    [LibraryImport("libc", EntryPoint = "posix_spawnp")]
    private static partial int PosixSpawn(out int pid, nint file, nint fileActions, nint attributes, nint[] arguments, nint[] environment);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static partial int Wait4(int pid, out int status, int options, out ResourceUsage usage);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(nint fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(nint fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    private static partial int FileActionsAddOpen(nint fileActions, int descriptor, nint path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int FileActionsAddDup2(nint fileActions, int descriptor, int newDescriptor);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    private static partial int FileActionsAddChdir(nint fileActions, nint path);

    /// <summary><c>struct timeval</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TimeValue
    {
        private readonly long _seconds;
        private readonly long _microseconds;

        public double Seconds => _seconds + (_microseconds / 1e6);
    }

    /// <summary><c>struct rusage</c>: the user and system times, then fourteen longs not read here.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        private fixed long _rest[14];
    }

    /// <summary>
    /// What <c>posix_spawnp</c> takes, in native memory until disposed: the file, the argument and environment vectors (this
    /// process's environment with the overrides set), and file actions that move into the working directory and send the
    /// command's output and errors to the log file.
    /// </summary>
    private sealed class SpawnArguments : IDisposable
    {
        private const int WriteOnly = 1;
        private const int Create = 0x40;
        private const int Truncate = 0x200;
        private const int FileActionsBytes = 256;

        private readonly List<nint> _strings = [];
        private readonly nint _fileActions = Marshal.AllocHGlobal(FileActionsBytes);

        public SpawnArguments(string fileName, IEnumerable<string> arguments, string workingDirectory, string log, EnvironmentOverrides overrides)
        {
            File = Native(fileName);
            Arguments = [File, .. arguments.Select(Native), 0];
            Environment = [.. overrides.Over(System.Environment.GetEnvironmentVariables()).Select(Native), 0];
            Check(FileActionsInit(_fileActions));
            Check(FileActionsAddChdir(_fileActions, Native(workingDirectory)));
            Check(FileActionsAddOpen(_fileActions, 1, Native(log), WriteOnly | Create | Truncate, Convert.ToInt32("644", 8)));
            Check(FileActionsAddDup2(_fileActions, 1, 2));
        }

        public nint File { get; }

        public nint[] Arguments { get; }

        public nint[] Environment { get; }

        public nint FileActions => _fileActions;

        public void Dispose()
        {
            _ = FileActionsDestroy(_fileActions);
            Marshal.FreeHGlobal(_fileActions);
            foreach (var pointer in _strings)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }

        private nint Native(string text)
        {
            var pointer = Marshal.StringToCoTaskMemUTF8(text);
            _strings.Add(pointer);
            return pointer;
        }

        private static void Check(int error)
        {
            if (error != 0)
            {
                throw new InvalidOperationException($"Could not prepare the command's start: error {error}.");
            }
        }
    }
}
