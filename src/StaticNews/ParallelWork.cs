using System.Runtime.ExceptionServices;

namespace StaticNews;

/// <summary>Parallel loops that fail the way a plain loop would: the first exception itself, not wrapped in an <see cref="AggregateException"/>.</summary>
internal static class ParallelWork
{
    public static void For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
