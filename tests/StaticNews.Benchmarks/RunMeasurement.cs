namespace StaticNews.Benchmarks;

/// <summary>
/// One run of a build: its wall time as the benchmark timed it, the CPU time the kernel counted for it (<c>wait4</c>), and
/// its peak memory when it ran under GNU time (<see cref="TimedProcess.RunForPeak"/>).
/// </summary>
internal sealed record RunMeasurement(double WallSeconds, double CpuSeconds, long? PeakRssKiB, int ExitCode);
