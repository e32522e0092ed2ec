using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>A build never runs more workers at once than the machine has cores, however long its loops run.</summary>
public sealed class ParallelismTests
{
    [Fact]
    public async Task Files_are_written_by_at_most_one_worker_per_core_even_when_writing_is_slow()
    {
        using var site = GeneratedNewsroom.Create(articles: 60);
        var (busy, mostAtOnce, files) = (0, 0, 0);

        // Each write takes a while, as on a slow disk, and the thread pool has threads to spare (as it ends up having when a
        // loop runs long): an unbounded loop would take them all.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount), completionPorts);
        BuildResult result;
        try
        {
            result = await site.BuildAsync(o => o with
            {
                BeforeFileWrite = (_, _) =>
                {
                    var now = Interlocked.Increment(ref busy);
                    InterlockedMax(ref mostAtOnce, now);
                    Thread.Sleep(5);
                    Interlocked.Increment(ref files);
                    Interlocked.Decrement(ref busy);
                    return ValueTask.CompletedTask;
                },
            });
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.True(files > 500, $"only {files} files written");
        Assert.InRange(mostAtOnce, 1, Environment.ProcessorCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }
}
