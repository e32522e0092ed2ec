namespace StaticNews.Tests.Infrastructure;

/// <summary>Runs code while every thread of the pool is taken, and every one the pool adds meanwhile: work queued to the pool waits.</summary>
internal static class BusyPool
{
    /// <summary>
    /// Runs <paramref name="action"/> on a thread of its own (not the pool's) while the pool is blocked; fails with
    /// <paramref name="failure"/> when it does not end within ten seconds. True when it ended before the pool came free.
    /// </summary>
    public static bool Run(Action action, string failure)
    {
        // A task, not an event: the blocked work items may still be starting after the test ends.
        var poolFree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 128; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static free => free.Wait(), poolFree.Task, preferLocal: false);
        }

        var endedWhileBusy = false;
        var thread = new Thread(() =>
        {
            action();
            endedWhileBusy = !poolFree.Task.IsCompleted;
        });
        try
        {
            thread.Start();
            Assert.True(thread.Join(TimeSpan.FromSeconds(10)), failure);
        }
        finally
        {
            poolFree.SetResult();
            thread.Join();
        }

        return endedWhileBusy;
    }
}
