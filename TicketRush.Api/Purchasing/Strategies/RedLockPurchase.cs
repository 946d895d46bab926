using Microsoft.Extensions.Options;
using RedLockNet;
using StackExchange.Redis;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 3: a Redis distributed lock per ticket (RedLock.net, the C# counterpart of Redisson) around the
/// read–check–write. The write is fenced — it only applies if the stock is still what was read — so a holder
/// that lost its lock (stalled past expiry) cannot oversell; it aborts with no sale.
/// </summary>
public sealed class RedLockPurchase(
    IDistributedLockFactory locks,
    IConnectionMultiplexer redis,
    OrderBook orders,
    PurchaseTelemetry telemetry,
    IOptions<RedLockOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "redlock", "3",
        "RedLock.net distributed lock per ticket (the C# Redisson); lock not acquired in time: 503; lock lost mid-work: abort, no sale.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        // RedLock.net treats an unreachable Redis as a busy lock and would keep the buyer waiting the full wait time.
        if (!redis.IsConnected)
        {
            return PurchaseOutcome.Unavailable("Redis is unreachable");
        }

        var settings = options.Value;
        var waitStarted = time.GetTimestamp();
        await using var redLock = await locks.CreateLockAsync(
            $"ticketrush:ticket:{command.TicketId}", settings.Expiry, settings.Wait, settings.Retry, cancellationToken);
        telemetry.RecordLockWait(Descriptor.Name, time.GetElapsedTime(waitStarted));
        if (!redLock.IsAcquired)
        {
            return PurchaseOutcome.Unavailable($"distributed lock not acquired ({redLock.Status})");
        }

        return await orders.InTransactionAsync(async (db, token) =>
        {
            var outcome = await orders.ReadCheckWriteAsync(db, command, Descriptor.Name, StockAccess.ReadThenGuardedWrite, token);
            return outcome.Status == PurchaseStatus.Sold && !redLock.IsAcquired
                ? PurchaseOutcome.Unavailable("distributed lock lost before commit")
                : outcome;
        }, cancellationToken);
    }
}
