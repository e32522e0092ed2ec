using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Work queued to the pool whose result the first thread to ask runs itself when no pool thread has started it.</summary>
public sealed class PoolWorkTests
{
    [Fact]
    public void The_asking_thread_runs_the_work_itself_while_every_pool_thread_is_busy()
    {
        int? ranOn = null;
        int? askedOn = null;
        var answer = 0;
        var endedWhileBusy = BusyPool.Run(
            () =>
            {
                var work = ParallelWork.Start(() =>
                {
                    ranOn = Environment.CurrentManagedThreadId;
                    return 42;
                });
                askedOn = Environment.CurrentManagedThreadId;
                answer = work.Result;
            },
            "the result waited for the pool");

        Assert.True(endedWhileBusy);
        Assert.Equal(42, answer);
        Assert.Equal(askedOn, ranOn);
    }

    [Fact]
    public void A_pool_thread_runs_the_work_in_the_execution_context_it_was_queued_from()
    {
        var flowing = new AsyncLocal<string> { Value = "the queuer's" };
        using var ran = new ManualResetEventSlim(initialState: false);
        var queuer = Environment.CurrentManagedThreadId;

        var work = ParallelWork.Start(() =>
        {
            ran.Set();
            return (Thread: Environment.CurrentManagedThreadId, Seen: flowing.Value);
        });

        Assert.True(ran.Wait(TimeSpan.FromSeconds(10)), "no pool thread ran the work");
        Assert.NotEqual(queuer, work.Result.Thread);
        Assert.Equal("the queuer's", work.Result.Seen);
    }

    [Fact]
    public void The_work_runs_once_however_many_threads_ask_for_it()
    {
        for (var round = 0; round < 200; round++)
        {
            var runs = 0;
            var work = ParallelWork.Start(() => Interlocked.Increment(ref runs));
            var results = new int[4];
            ParallelWork.For(results.Length, i => results[i] = work.Result, CancellationToken.None);

            Assert.Equal(1, runs);
            Assert.All(results, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void What_the_work_threw_is_thrown_as_itself_by_every_result_and_never_by_waiting()
    {
        var work = ParallelWork.Start<int>(() => throw new InvalidDataException("damaged"));

        work.Wait();
        var first = Assert.Throws<InvalidDataException>(() => work.Result);
        var second = Assert.Throws<InvalidDataException>(() => work.Result);

        Assert.Equal("damaged", first.Message);
        Assert.Same(first, second);
    }

    [Fact]
    public void Completed_work_gives_its_result_without_running_anything()
    {
        var body = new object();

        Assert.Same(body, PoolWork<object>.Completed(body).Result);
    }
}
