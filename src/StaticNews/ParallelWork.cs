using System.Runtime.ExceptionServices;

namespace StaticNews;

/// <summary>
/// Parallel loops that fail the way a plain loop would (the first exception itself, not wrapped in an
/// <see cref="AggregateException"/>), and the options every parallel loop of a build runs with.
/// </summary>
internal static class ParallelWork
{
    /// <summary>
    /// At most one worker per core. Unbounded, a loop keeps a task queued for one more worker as long as it runs; the thread
    /// pool, seeing work wait, adds a thread every half second or so, and a five-second loop ends with ten workers on two
    /// cores: each preempted while holding a lock another then spins on, each with buffers and a template context of its own.
    /// </summary>
    public static ParallelOptions Options(CancellationToken cancellationToken = default) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static void For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, Options(cancellationToken), body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
