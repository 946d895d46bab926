using RedLockNet;
using TicketRush.Api.Purchasing.Strategies;

namespace TicketRush.UnitTests.Purchasing;

public sealed class RedLockQueueTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_lock_is_left_for_the_buyer_already_waiting()
    {
        var queue = new RedLockQueue();
        var held = new RedLockQueue.HeldLock(1, new GrantedLock(), Served: 1);
        Assert.True(await queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None));
        var next = queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None);

        queue.EndTurn(held, mayLeave: true, NeverRelease);

        Assert.True(await next);
        Assert.Same(held, queue.TakeLeftLock());
        Assert.Null(queue.TakeLeftLock());
    }

    [Fact]
    public async Task A_lock_is_given_back_when_nobody_waits_or_it_may_not_stay()
    {
        var queue = new RedLockQueue();
        var held = new RedLockQueue.HeldLock(1, new GrantedLock(), Served: 1);

        var given = new List<RedLockQueue.HeldLock>();

        Assert.True(await queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None));
        queue.EndTurn(held, mayLeave: true, given.Add);
        Assert.Equal([held], given);

        Assert.True(await queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None));
        var next = queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None);
        queue.EndTurn(held, mayLeave: false, given.Add);
        Assert.Equal([held, held], given);
        Assert.True(await next);
        Assert.Null(queue.TakeLeftLock());
    }

    [Fact]
    public async Task A_buyer_that_gave_up_waiting_is_not_left_a_lock()
    {
        var queue = new RedLockQueue();
        var held = new RedLockQueue.HeldLock(1, new GrantedLock(), Served: 1);
        Assert.True(await queue.WaitTurnAsync(Long, NeverRelease, CancellationToken.None));
        using var giveUp = new CancellationTokenSource();
        var next = queue.WaitTurnAsync(Long, NeverRelease, giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);

        var given = new List<RedLockQueue.HeldLock>();
        queue.EndTurn(held, mayLeave: true, given.Add);
        Assert.Equal([held], given);
    }

    private static void NeverRelease(RedLockQueue.HeldLock held) => Assert.Fail($"nothing should be given back here, but ticket {held.TicketId}'s lock was");

    private sealed class GrantedLock : IRedLock
    {
        public string Resource => "ticketrush:ticket:1";

        public string LockId => "granted";

        public bool IsAcquired => true;

        public RedLockStatus Status => RedLockStatus.Acquired;

        public RedLockInstanceSummary InstanceSummary => default;

        public int ExtendCount => 0;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
