namespace StaticNews;

/// <summary>
/// Work queued to the thread pool as a work item of its own (no task around it), run by the pool thread in the execution
/// context the work was made in, as <see cref="Task.Run(Action)"/> and <see cref="Parallel.For(int, int, Action{int})"/> run theirs.
/// </summary>
internal abstract class PoolWorkItem : IThreadPoolWorkItem
{
    /// <summary>The context the work was made in; null when it is the default, and the pool thread's own will do.</summary>
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    void IThreadPoolWorkItem.Execute()
    {
        if (_context is null)
        {
            RunOnPool();
        }
        else
        {
            ExecutionContext.Run(_context, static item => ((PoolWorkItem)item!).RunOnPool(), this);
        }
    }

    /// <summary>Queues the work once more; each time, a pool thread calls <see cref="RunOnPool"/>.</summary>
    protected void QueueToPool() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    /// <summary>What a pool thread does with the work, in its context.</summary>
    protected abstract void RunOnPool();
}
