namespace StaticNews.Benchmarks;

/// <summary>
/// What the benchmark measured of one site size that the performance issue sets targets on: medians of wall time, the peak
/// memory of one cold build of each tool, and the most files an unchanged build wrote. Hugo's figures are null when it is
/// not installed.
/// </summary>
internal sealed record SizeFigures(
    int Articles,
    double ColdWallSeconds,
    long ColdPeakKiB,
    double NoChangeWallSeconds,
    int MostFilesWrittenUnchanged,
    double EditWallSeconds,
    double? HugoColdWallSeconds,
    long? HugoColdPeakKiB);
