namespace StaticNews.Benchmarks;

/// <summary>What /usr/bin/time -v reported for one run of a build.</summary>
internal sealed record RunMeasurement(double WallSeconds, double CpuSeconds, long PeakRssKiB, int ExitCode);
