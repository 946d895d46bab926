using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.Blocking;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>Blocking work runs on threads of its own, in the caller's context, and never takes the thread pool's threads.</summary>
public sealed class BlockingWorkersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly AsyncLocal<string?> CallerValue = new();

    private static PurchaseDeadline Generous() => new(TimeSpan.FromMinutes(5), TimeProvider.System);

    [Fact]
    public async Task Work_runs_on_a_reserved_thread_not_a_thread_pool_thread()
    {
        using var workers = new BlockingWorkers(2, "reserved");
        using var deadline = Generous();

        var (isPoolThread, name) = await workers
            .RunAsync<(bool, string?)>(() => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), deadline, () => (true, "expired"))
            .WaitAsync(Patience);

        Assert.False(isPoolThread, "Blocking work ran on a thread pool thread.");
        Assert.StartsWith("reserved ", name);
    }

    [Fact]
    public async Task Callers_AsyncLocal_flows_into_the_work()
    {
        using var workers = new BlockingWorkers(1, "context");
        using var deadline = Generous();
        CallerValue.Value = "buyer 42";

        var seen = await workers.RunAsync<string?>(() => CallerValue.Value, deadline, () => "expired").WaitAsync(Patience);

        Assert.Equal("buyer 42", seen);
    }

    [Fact]
    public async Task Callers_Activity_flows_into_the_work()
    {
        using var workers = new BlockingWorkers(1, "activity");
        using var deadline = Generous();
        using var activity = new Activity("purchase").Start();

        var seen = await workers.RunAsync<Activity?>(() => Activity.Current, deadline, () => null).WaitAsync(Patience);

        Assert.Same(activity, seen);
    }

    [Fact]
    public async Task Work_whose_deadline_passed_while_queued_is_not_run_and_gets_the_expired_result()
    {
        using var workers = new BlockingWorkers(1, "expiry");
        using var gate = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var first = Generous();
        var time = new FakeTimeProvider();
        using var queuedDeadline = new PurchaseDeadline(TimeSpan.FromSeconds(5), time);
        var queuedWorkRan = false;

        var blocker = workers.RunAsync(() =>
        {
            started.Set();
            return gate.Wait(Patience);
        }, first, () => false);
        Assert.True(started.Wait(Patience), "The only worker never picked up the first item.");

        var queued = workers.RunAsync(() => queuedWorkRan = true, queuedDeadline, () => false);
        time.Advance(TimeSpan.FromSeconds(6));
        gate.Set();

        Assert.True(await blocker.WaitAsync(Patience));
        Assert.False(await queued.WaitAsync(Patience), "Expected the expired result.");
        Assert.False(queuedWorkRan, "Work ran although its deadline passed while it was queued.");
    }

    [Fact]
    public async Task Exception_thrown_by_the_work_faults_the_task()
    {
        using var workers = new BlockingWorkers(1, "faults");
        using var deadline = Generous();

        var task = workers.RunAsync<int>(() => throw new InvalidOperationException("lock lost"), deadline, () => -1);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Patience));
        Assert.Equal("lock lost", exception.Message);
    }

    [Fact]
    public async Task Exception_does_not_kill_the_worker_thread()
    {
        using var workers = new BlockingWorkers(1, "survivor");
        using var deadline = Generous();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            workers.RunAsync<int>(() => throw new InvalidOperationException(), deadline, () => -1).WaitAsync(Patience));

        Assert.Equal(7, await workers.RunAsync(() => 7, deadline, () => -1).WaitAsync(Patience));
    }

    [Fact]
    public async Task Blocked_workers_and_a_backlog_do_not_starve_the_thread_pool()
    {
        ThreadPool.GetMinThreads(out var poolThreads, out _);
        var threads = Math.Max(2, poolThreads) * 2;
        using var workers = new BlockingWorkers(threads, "busy");
        using var gate = new ManualResetEventSlim();
        using var allBlocked = new ManualResetEventSlim();
        var entered = 0;
        using var deadline = Generous();
        var blocked = Enumerable.Range(0, threads * 4)
            .Select(_ => workers.RunAsync(() =>
            {
                if (Interlocked.Increment(ref entered) == threads)
                {
                    allBlocked.Set();
                }

                return gate.Wait(Patience);
            }, deadline, () => false))
            .ToList();
        try
        {
            Assert.True(allBlocked.Wait(Patience), "The workers never all blocked.");
            var clock = Stopwatch.StartNew();

            var answer = await Task.Run(() => 42).WaitAsync(TimeSpan.FromSeconds(2));

            Assert.Equal(42, answer);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The thread pool took {clock.Elapsed} to run a trivial item.");
        }
        finally
        {
            gate.Set();
        }

        Assert.All(await Task.WhenAll(blocked).WaitAsync(Patience), Assert.True);
    }
}
