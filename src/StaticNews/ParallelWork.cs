namespace StaticNews;

/// <summary>
/// The parallel loops of a build (see <see cref="CallerFirstLoop{TLocal}"/>): at most one worker per core, the calling thread
/// one of them; they fail the way a plain loop would, with the first exception itself, not one wrapped in an <see cref="AggregateException"/>.
/// </summary>
internal static class ParallelWork
{
    /// <summary>Runs <paramref name="body"/> for every index below <paramref name="count"/>, in no particular order.</summary>
    public static void For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        if (count > 0)
        {
            new CallerFirstLoop<Action<int>>(count, () => body, static (i, run) => run(i), finish: null, cancellationToken).Run();
        }
    }

    /// <summary>
    /// As <see cref="For(int, Action{int}, CancellationToken)"/>, each worker with something of its own: made by
    /// <paramref name="start"/> before the worker's first index, handed to <paramref name="finish"/> after its last.
    /// </summary>
    public static void For<TLocal>(int count, Func<TLocal> start, Action<int, TLocal> body, Action<TLocal>? finish, CancellationToken cancellationToken)
    {
        if (count > 0)
        {
            new CallerFirstLoop<TLocal>(count, start, body, finish, cancellationToken).Run();
        }
    }

    /// <summary>Queues <paramref name="work"/> to the pool; whoever asks for its result first runs it if no pool thread has yet (see <see cref="PoolWork{T}"/>).</summary>
    public static PoolWork<T> Start<T>(Func<T> work) => PoolWork<T>.Start(work);

    /// <summary>As <see cref="Start{T}(Func{T})"/>, for work with no result: <see cref="PoolWork{T}.Wait"/> runs or awaits it, <see cref="PoolWork{T}.Result"/> throws what it threw.</summary>
    public static PoolWork<bool> Start(Action work) => PoolWork<bool>.Start(() =>
    {
        work();
        return true;
    });

    /// <summary>Runs each of <paramref name="actions"/>, in parallel.</summary>
    public static void Invoke(CancellationToken cancellationToken, params Action[] actions) =>
        For(actions.Length, i => actions[i](), cancellationToken);
}
