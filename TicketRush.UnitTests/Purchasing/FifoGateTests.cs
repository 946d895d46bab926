using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Purchasing;

public sealed class FifoGateTests
{
    [Fact]
    public async Task Lets_in_up_to_its_capacity_and_queues_the_rest()
    {
        var gate = new FifoGate(2);

        await gate.EnterAsync(CancellationToken.None);
        await gate.EnterAsync(CancellationToken.None);
        var third = gate.EnterAsync(CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, gate.Inside);
        Assert.Equal(1, gate.Waiting);
        gate.Exit();
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gate.Inside);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Lets_waiters_in_in_arrival_order()
    {
        var gate = new FifoGate(1);
        await gate.EnterAsync(CancellationToken.None);
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 20).Select(async i =>
        {
            await gate.EnterAsync(CancellationToken.None);
            lock (order)
            {
                order.Add(i);
            }

            gate.Exit();
        }).ToList();

        gate.Exit();
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Enumerable.Range(1, 20), order);
    }

    [Fact]
    public async Task A_newcomer_never_overtakes_a_waiter()
    {
        var gate = new FifoGate(1);
        await gate.EnterAsync(CancellationToken.None);
        var waiter = gate.EnterAsync(CancellationToken.None).AsTask();

        gate.Exit();
        var newcomer = gate.EnterAsync(CancellationToken.None).AsTask();

        await waiter.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(newcomer.IsCompleted);
        gate.Exit();
        await newcomer.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_waiter_whose_cancellation_fires_is_never_let_in_and_its_turn_passes_on()
    {
        var gate = new FifoGate(1);
        await gate.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(giveUp.Token).AsTask();
        var next = gate.EnterAsync(CancellationToken.None).AsTask();

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, gate.Waiting);
        gate.Exit();

        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, gate.Inside);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task An_already_cancelled_caller_is_refused_at_once_even_with_room()
    {
        var gate = new FifoGate(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(new CancellationToken(canceled: true)).AsTask());
        Assert.Equal(0, gate.Inside);
    }

    [Fact]
    public async Task Under_racing_cancellations_each_waiter_is_either_let_in_or_cancelled_never_both_and_the_bound_holds()
    {
        const int capacity = 3;
        var gate = new FifoGate(capacity);
        var inside = 0;
        var most = 0;
        var letIn = 0;
        var refused = 0;
        var buyers = Enumerable.Range(0, 2_000).Select(i => Task.Run(async () =>
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(i % 7));
            try
            {
                await gate.EnterAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref letIn);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
            gate.Exit();
        })).ToList();

        await Task.WhenAll(buyers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2_000, letIn + refused);
        Assert.InRange(most, 1, capacity);
        Assert.Equal(0, gate.Inside);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public void Exit_without_enter_is_a_bug()
    {
        Assert.Throws<InvalidOperationException>(() => new FifoGate(1).Exit());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
