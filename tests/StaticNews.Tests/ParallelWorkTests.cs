using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>A build's parallel loops: every index once, the caller never waiting on a helper that has not started, failures as a plain loop's.</summary>
public sealed class ParallelWorkTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10_000)]
    public void Every_index_runs_exactly_once(int count)
    {
        var runs = new int[count];

        ParallelWork.For(count, i => Interlocked.Increment(ref runs[i]), CancellationToken.None);

        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void Each_worker_makes_its_own_state_once_and_hands_it_back_after_its_last_index()
    {
        var (made, finished, runs) = (0, 0, 0);
        var seenBy = new ConcurrentDictionary<StrongBox<int>, int>();

        ParallelWork.For(
            5_000,
            () =>
            {
                Interlocked.Increment(ref made);
                return new StrongBox<int>();
            },
            (_, mine) =>
            {
                // A worker's state is its own: counted without a lock, its total comes out right.
                mine.Value++;
                Interlocked.Increment(ref runs);
            },
            mine =>
            {
                Interlocked.Increment(ref finished);
                seenBy[mine] = mine.Value;
            },
            CancellationToken.None);

        Assert.Equal(5_000, runs);
        Assert.InRange(made, 1, Environment.ProcessorCount);
        Assert.Equal(made, finished);
        Assert.Equal(5_000, seenBy.Values.Sum());
    }

    [Fact]
    public void A_helper_starts_at_the_beginning_of_a_run_of_its_own()
    {
        const int count = 1_000;
        var runStarts = Enumerable.Range(1, Environment.ProcessorCount - 1).Select(run => count * run / Environment.ProcessorCount).ToList();
        var helperFirst = -1;
        using var helperStarted = new ManualResetEventSlim(initialState: false);
        var caller = Environment.CurrentManagedThreadId;

        ParallelWork.For(
            count,
            i =>
            {
                if (Environment.CurrentManagedThreadId != caller)
                {
                    if (Interlocked.CompareExchange(ref helperFirst, i, -1) == -1)
                    {
                        helperStarted.Set();
                    }
                }
                else if (i == 0 && runStarts.Count > 0)
                {
                    // The caller holds its first index until a helper has claimed one.
                    Assert.True(helperStarted.Wait(TimeSpan.FromSeconds(10)), "no helper started");
                }
            },
            CancellationToken.None);

        if (runStarts.Count > 0)
        {
            Assert.Contains(helperFirst, runStarts);
        }
        else
        {
            Assert.Equal(-1, helperFirst);
        }
    }

    [Fact]
    public void Helpers_run_in_the_callers_execution_context()
    {
        var flowing = new AsyncLocal<string> { Value = "the caller's" };
        var seenByHelpers = new ConcurrentBag<string?>();
        using var helperRan = new ManualResetEventSlim(initialState: false);
        var caller = Environment.CurrentManagedThreadId;

        ParallelWork.For(
            1_000,
            i =>
            {
                if (Environment.CurrentManagedThreadId != caller)
                {
                    seenByHelpers.Add(flowing.Value);
                    helperRan.Set();
                }
                else if (i == 0 && Environment.ProcessorCount > 1)
                {
                    Assert.True(helperRan.Wait(TimeSpan.FromSeconds(10)), "no helper started");
                }
            },
            CancellationToken.None);

        Assert.Equal(Environment.ProcessorCount > 1, !seenByHelpers.IsEmpty);
        Assert.All(seenByHelpers, value => Assert.Equal("the caller's", value));
    }

    [Fact]
    public void The_first_failure_is_thrown_as_itself_and_stops_the_loop()
    {
        var runs = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => ParallelWork.For(
            1_000_000,
            i =>
            {
                Interlocked.Increment(ref runs);
                if (i == 100)
                {
                    throw new InvalidOperationException("index 100");
                }
            },
            CancellationToken.None));

        Assert.Equal("index 100", thrown.Message);
        Assert.True(runs < 1_000_000, $"{runs} indices ran after the failure");
    }

    [Fact]
    public void A_cancelled_loop_stops_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var runs = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => ParallelWork.For(
            1_000_000,
            i =>
            {
                if (Interlocked.Increment(ref runs) == 100)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));

        Assert.True(runs < 1_000_000, $"{runs} indices ran after the cancellation");
    }

    [Fact]
    public void The_caller_runs_the_whole_loop_itself_while_every_pool_thread_is_busy()
    {
        // The loop's helpers queue behind the pool's blocked threads: a loop that waits for its queued helpers (as
        // Parallel.For does) cannot end before the pool comes free.
        var runs = new int[1_000];
        var order = new List<int>();
        var finishedWhilePoolBusy = BusyPool.Run(
            () => ParallelWork.For(
                runs.Length,
                i =>
                {
                    Interlocked.Increment(ref runs[i]);
                    lock (order)
                    {
                        order.Add(i);
                    }
                },
                CancellationToken.None),
            "the loop waited for the pool");

        Assert.True(finishedWhilePoolBusy);
        Assert.All(runs, r => Assert.Equal(1, r));

        // Alone, the caller took its own run and then the others', in order.
        Assert.Equal(Enumerable.Range(0, runs.Length), order);
    }
}
