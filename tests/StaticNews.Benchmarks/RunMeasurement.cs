namespace StaticNews.Benchmarks;

/// <summary>One run of a build: its wall time as the benchmark timed it, and the CPU time and peak memory the kernel counted for it (<c>wait4</c>).</summary>
internal sealed record RunMeasurement(double WallSeconds, double CpuSeconds, long PeakRssKiB, int ExitCode);
