using Microsoft.Extensions.Options;
using RedLockNet;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 3: a Redis distributed lock per ticket (RedLock.net, the C# counterpart of Redisson) around the
/// read–check–write. The write is fenced (it applies only if the ticket's version is still the one read), so a holder
/// whose lock expired while it stalled cannot oversell: it aborts with no sale.
/// </summary>
/// <remarks>
/// Buyers of one ticket queue on their own server first and only the head of that queue polls Redis, as Redisson
/// waits on a channel instead of spinning: a thousand buyers polling one key would spend the rush on retries.
/// </remarks>
public sealed class RedLockPurchase(
    IDistributedLockFactory locks,
    SaleTransactions transactions,
    PurchaseTelemetry telemetry,
    IOptions<RedLockOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "redlock", "3",
        "RedLock.net distributed lock per ticket (the C# Redisson), fenced write; lock not acquired in time: 503; lock lost mid-work: abort, no sale.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    // Set when Redis just failed to answer a lock attempt: buyers queued behind it give up at once instead of each
    // spending the Redis client's timeouts on a server that is not answering.
    private long _redisFailedAt;

    private readonly LockStripes<SemaphoreSlim> _localQueues = new(options.Value.LocalQueues, () => new SemaphoreSlim(1, 1));

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
        var queue = _localQueues.For(purchase.TicketId);
        if (!await queue.WaitAsync(purchase.Deadline.Remaining, cancellationToken))
        {
            wait.End();
            return PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired);
        }

        try
        {
            var acquired = await AcquireAsync(purchase, cancellationToken);
            wait.End();
            return acquired.Lock is { } redLock ? await SellAsync(purchase, redLock, cancellationToken) : acquired.Refusal!;
        }
        finally
        {
            queue.Release();
        }
    }

    private async Task<PurchaseOutcome> SellAsync(Purchase purchase, IRedLock redLock, CancellationToken cancellationToken)
    {
        try
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
        finally
        {
            // The sale is decided: the buyer does not wait for Redis to confirm the release. If Redis does not answer,
            // the lock expires on its own (Expiry), as it would after a crash.
            _ = ReleaseAsync(redLock);
        }
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

    /// <summary>One attempt at a time, so a waiter notices at once when this server has seen the ticket sell out.</summary>
    private async Task<(IRedLock? Lock, PurchaseOutcome? Refusal)> AcquireAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (!purchase.Sale.IsKnownSoldOut)
        {
            var failedAt = Interlocked.Read(ref _redisFailedAt);
            if (failedAt != 0 && time.GetElapsedTime(failedAt) < settings.RedisFailureMemory)
            {
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.Redis));
            }

            if (purchase.Deadline.Remaining < settings.AttemptReserve)
            {
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired));
            }

            var attempt = await TryAcquireAsync($"ticketrush:ticket:{purchase.TicketId}", settings.Expiry, settings.AttemptReserve);
            if (attempt is null)
            {
                Interlocked.Exchange(ref _redisFailedAt, time.GetTimestamp());
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.Redis));
            }

            if (attempt.IsAcquired)
            {
                return (attempt, null);
            }

            await attempt.DisposeAsync();
            if (attempt.Status == RedLockStatus.NoQuorum)
            {
                Interlocked.Exchange(ref _redisFailedAt, time.GetTimestamp());
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.Redis));
            }

            await Task.Delay(settings.Retry * Random.Shared.NextDouble(), time, cancellationToken);
        }

        return (null, PurchaseOutcome.SoldOut);
    }
}
