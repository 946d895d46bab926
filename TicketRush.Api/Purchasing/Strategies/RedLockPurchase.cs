using Microsoft.Extensions.Options;
using RedLockNet;
using TicketRush.Api.Catalog;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 3: a Redis distributed lock per ticket (RedLock.net, the C# counterpart of Redisson) around the
/// read–check–write. The write is fenced (it applies only if the ticket's version is still the one read), so a holder
/// whose lock expired while it stalled cannot oversell: it aborts with no sale.
/// </summary>
/// <remarks>
/// Buyers of one ticket queue on their own server first, and only the head of that queue asks Redis. A lock granted to
/// a server serves a run of its waiting buyers before it goes back (<see cref="RedLockQueue"/>), and the head of the
/// other server's queue sleeps until it is told the lock was released (<see cref="RedLockNotices"/>), as Redisson
/// waits on a channel instead of spinning. A run ends after <see cref="RedLockOptions.RunLength"/> buyers when the
/// other server wants the lock, which then has the next turn.
/// </remarks>
internal sealed class RedLockPurchase(
    IDistributedLockFactory locks,
    RedLockNotices notices,
    SaleTransactionFactory transactions,
    PurchaseTelemetry telemetry,
    IOptions<RedLockOptions> options,
    TimeProvider time) : IPurchaseStrategy<RedLockPurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.RedLock, "3",
        "RedLock.net distributed lock per ticket (the C# Redisson), fenced write; lock not acquired in time: 503; lock lost mid-work: abort, no sale.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    // Set when Redis just failed to answer a lock attempt: buyers queued behind it give up at once instead of each
    // spending the Redis client's timeouts on a server that is not answering.
    private long _redisFailedAt;

    private readonly LockStripes<RedLockQueue> _queues = new(options.Value.LocalQueues, () => new RedLockQueue());

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        // Sold-out and repeat buyers are turned away before they queue for the lock; the read under the lock is what counts.
        await using (var look = await transactions.OpenAsync(purchase, cancellationToken))
        {
            if ((await look.ReadStockAsync(cancellationToken)).Refusal is { } early)
            {
                return early;
            }
        }

        var wait = telemetry.StartLockWait(Descriptor.Name);
        var queue = _queues.For(purchase.TicketId);
        if (!await queue.WaitTurnAsync(purchase.Deadline.Remaining, GiveBack, cancellationToken))
        {
            wait.End();
            return PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired);
        }

        RedLockQueue.HeldLock? held = null;
        var mayLeave = true;
        try
        {
            held = TakeLeftLock(queue, purchase.TicketId);
            if (purchase.Sale.IsKnownSoldOut)
            {
                wait.End();
                return PurchaseOutcome.SoldOut;
            }

            if (held is null)
            {
                var acquired = await AcquireAsync(purchase, cancellationToken);
                if (acquired.Lock is null)
                {
                    wait.End();
                    return acquired.Refusal!;
                }

                held = new RedLockQueue.HeldLock(purchase.TicketId, acquired.Lock, Served: 0);
            }

            wait.End();
            held = held with { Served = held.Served + 1 };
            PurchaseTelemetry.TagLockRun(held.Served);
            mayLeave = false;
            var outcome = await SellAsync(purchase, held.Lock, cancellationToken);
            // A run is bounded only when another server waits, and only a server that can hear the others may run at
            // all: one that cannot would keep the lock from them for as long as its own buyers keep coming.
            mayLeave = held.Lock.IsAcquired
                && notices.CanHear
                && (held.Served < options.Value.RunLength || !notices.IsWantedElsewhere(purchase.TicketId));
            return outcome;
        }
        finally
        {
            queue.EndTurn(held, mayLeave, GiveBack);
        }
    }

    /// <summary>This ticket's lock, if the previous buyer left it and it is still held; another ticket's is given back.</summary>
    private RedLockQueue.HeldLock? TakeLeftLock(RedLockQueue queue, long ticketId)
    {
        var left = queue.TakeLeftLock();
        if (left is { Lock.IsAcquired: true } && left.TicketId == ticketId)
        {
            return left;
        }

        if (left is not null)
        {
            GiveBack(left);
        }

        return null;
    }

    private async Task<PurchaseOutcome> SellAsync(Purchase purchase, IRedLock redLock, CancellationToken cancellationToken)
    {
        await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
        var stock = await sale.ReadStockAsync(cancellationToken);
        if (stock.Refusal is { } refusal)
        {
            return refusal;
        }

        var outcome = redLock.IsAcquired ? await sale.CommitFencedWriteAsync(stock, cancellationToken) : null;
        return outcome ?? PurchaseOutcome.Unavailable(UnavailableReasons.LockLost);
    }

    /// <summary>
    /// Gives a lock back without making anybody wait for Redis to confirm it, then tells the other servers. If Redis
    /// does not answer, the lock expires on its own (Expiry), as it would after a crash.
    /// </summary>
    private void GiveBack(RedLockQueue.HeldLock held) => _ = GiveBackAsync(held);

    private async Task GiveBackAsync(RedLockQueue.HeldLock held)
    {
        await ReleaseAsync(held.Lock);
        notices.AnnounceReleased(held.TicketId);
    }

    private static async Task ReleaseAsync(IRedLock redLock)
    {
        try
        {
            await redLock.DisposeAsync();
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException)
        {
            // Expiry releases it.
        }
    }

    /// <summary>
    /// One attempt, given up after <paramref name="within"/>; null then. A lock granted after it was given up on is let go
    /// as soon as it arrives, or RedLock.net would keep extending it for as long as this process lives.
    /// </summary>
    private async Task<IRedLock?> TryAcquireAsync(string resource, TimeSpan expiry, TimeSpan within)
    {
        var attempt = locks.CreateLockAsync(resource, expiry);
        if (await Task.WhenAny(attempt, Task.Delay(within, time)) == attempt)
        {
            return await attempt;
        }

        _ = ReleaseLateAsync(attempt);
        return null;
    }

    private static async Task ReleaseLateAsync(Task<IRedLock> attempt)
    {
        try
        {
            await ReleaseAsync(await attempt);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Nothing was granted.
        }
    }

    /// <summary>
    /// One attempt at a time, so a waiter notices at once when this server has seen the ticket sell out. Between
    /// attempts, and before the first when another server is waiting, the waiter says it wants the lock and sleeps until
    /// a release is announced (at most <see cref="RedLockOptions.Retry"/>).
    /// </summary>
    private async Task<(IRedLock? Lock, PurchaseOutcome? Refusal)> AcquireAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Another server waiting means this one just ended its run: the other goes first.
        var pause = notices.IsWantedElsewhere(purchase.TicketId);
        var release = notices.NextRelease(purchase.TicketId);
        while (!purchase.Sale.IsKnownSoldOut)
        {
            if (pause)
            {
                notices.AnnounceWanted(purchase.TicketId);
                await notices.WaitForReleaseAsync(release, settings.Retry, cancellationToken);
                if (purchase.Sale.IsKnownSoldOut)
                {
                    break;
                }
            }

            var failedAt = Interlocked.Read(ref _redisFailedAt);
            if (failedAt != 0 && time.GetElapsedTime(failedAt) < settings.RedisFailureMemory)
            {
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.LockServers));
            }

            if (purchase.Deadline.Remaining < settings.AttemptReserve)
            {
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired));
            }

            release = notices.NextRelease(purchase.TicketId);
            var attempt = await TryAcquireAsync(RedisKeys.RedLockResource(purchase.TicketId), settings.Expiry, settings.AttemptReserve);
            if (attempt is null)
            {
                Interlocked.Exchange(ref _redisFailedAt, time.GetTimestamp());
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.LockServers));
            }

            if (attempt.IsAcquired)
            {
                return (attempt, null);
            }

            // Read before disposing: disposal sets the status to Unlocked, and a missing quorum would pass for a busy lock.
            var status = attempt.Status;
            await attempt.DisposeAsync();
            if (status == RedLockStatus.NoQuorum)
            {
                Interlocked.Exchange(ref _redisFailedAt, time.GetTimestamp());
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.LockServers));
            }

            pause = true;
        }

        return (null, PurchaseOutcome.SoldOut);
    }
}
