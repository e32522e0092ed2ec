using System.Runtime.ExceptionServices;

namespace StaticNews;

/// <summary>
/// One parallel loop whose calling thread never waits for a helper that has not started. <see cref="Parallel.For(int, int, Action{int})"/>
/// waits for every worker it queued, started or not: when the pool's threads were all busy (a build keeps them busy loading
/// caches and checking the output beside its main thread), a loop the calling thread had long finished alone waited for
/// one of them to come free, only for it to find nothing left to do. Here each worker claims indices one at a time, and the
/// caller waits only for the indices other workers claimed and have not finished; a helper that starts late claims nothing.
/// As with <see cref="Parallel.For(int, int, Action{int})"/>, the indices are split into one run per worker, each worker
/// starting at the beginning of its own and then helping with the others': the pages of a build are listed by kind, and a
/// partial's reuse depends on meeting a listing early (see <see cref="Rendering.PartialMemo"/>), which the second run does.
/// </summary>
/// <typeparam name="TLocal">What each worker keeps for itself (buffers, scratch): made before its first index, handed back after its last.</typeparam>
internal sealed class CallerFirstLoop<TLocal> : PoolWorkItem
{
    /// <summary>Ints per cache line: workers claiming from different runs do not write to the same line.</summary>
    private const int Stride = 16;

    private readonly Func<TLocal> _start;
    private readonly Action<int, TLocal> _body;
    private readonly Action<TLocal>? _finish;
    private readonly CancellationToken _cancellationToken;
    private readonly object _left = new();
    private readonly int _runs;

    /// <summary>Each run's next index less one, a cache line apart (<see cref="Stride"/>), and the index it ends before.</summary>
    private readonly int[] _claimed;
    private readonly int[] _ends;
    private int _joined;

    /// <summary>Workers inside the loop. The caller counts from the start, so this reaches zero only when every worker is out.</summary>
    private int _working = 1;
    private ExceptionDispatchInfo? _failure;

    public CallerFirstLoop(int count, Func<TLocal> start, Action<int, TLocal> body, Action<TLocal>? finish, CancellationToken cancellationToken)
    {
        _start = start;
        _body = body;
        _finish = finish;
        _cancellationToken = cancellationToken;
        _runs = Math.Min(Environment.ProcessorCount, count);
        _claimed = new int[_runs * Stride];
        _ends = new int[_runs];
        for (var run = 0; run < _runs; run++)
        {
            _claimed[run * Stride] = (int)((long)count * run / _runs) - 1;
            _ends[run] = (int)((long)count * (run + 1) / _runs);
        }
    }

    /// <summary>
    /// Runs the loop with at most one worker per core, the calling thread one of them; throws the first exception a worker
    /// threw. Bounded, unlike the pool: more workers than cores are preempted holding locks others then spin on, each with
    /// buffers and a template context of its own.
    /// </summary>
    public void Run()
    {
        for (var helper = 1; helper < _runs; helper++)
        {
            QueueToPool();
        }

        Work(firstRun: 0);
        Leave();
        var spin = default(SpinWait);
        while (Volatile.Read(ref _working) != 0 && !spin.NextSpinWillYield)
        {
            spin.SpinOnce();
        }

        lock (_left)
        {
            while (Volatile.Read(ref _working) != 0)
            {
                Monitor.Wait(_left);
            }
        }

        _failure?.Throw();
        _cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>A helper: it joins the loop, takes its own run first, and leaves.</summary>
    protected override void RunOnPool()
    {
        Interlocked.Increment(ref _working);
        Work(firstRun: Interlocked.Increment(ref _joined) % _runs);
        Leave();
    }

    /// <summary>Runs the indices left in <paramref name="firstRun"/>, then in each of the runs after it.</summary>
    private void Work(int firstRun)
    {
        var started = false;
        var local = default(TLocal)!;
        try
        {
            for (var r = 0; r < _runs; r++)
            {
                var run = (firstRun + r) % _runs;
                int i;
                while (Volatile.Read(ref _failure) is null && !_cancellationToken.IsCancellationRequested && (i = Interlocked.Increment(ref _claimed[run * Stride])) < _ends[run])
                {
                    if (!started)
                    {
                        local = _start();
                        started = true;
                    }

                    _body(i, local);
                }
            }

            if (started)
            {
                _finish?.Invoke(local);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _working) == 0)
        {
            lock (_left)
            {
                Monitor.PulseAll(_left);
            }
        }
    }
}
