using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 1, <c>SemaphoreSlim(1, 1)</c> with a wait timeout (Java's <c>ReentrantLock.tryLock</c>) per ticket,
/// awaited rather than blocking. It serialises one process; two servers still race each other.
/// </summary>
public sealed class SemaphorePurchase(
    OrderBook orders,
    PurchaseTelemetry telemetry,
    IOptions<InProcessLockOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _semaphores = new();

    public StrategyDescriptor Descriptor { get; } = new(
        "semaphore", "1",
        "SemaphoreSlim(1,1) per ticket with a wait timeout (Java ReentrantLock.tryLock): exact on one server, oversells across two.",
        SafeOnOneServer: true, SafeAcrossServers: false);

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        var semaphore = _semaphores.GetOrAdd(command.TicketId, _ => new SemaphoreSlim(1, 1));
        var waitStarted = time.GetTimestamp();
        var entered = await semaphore.WaitAsync(options.Value.WaitTimeout, cancellationToken);
        telemetry.RecordLockWait(Descriptor.Name, time.GetElapsedTime(waitStarted));
        if (!entered)
        {
            return PurchaseOutcome.Unavailable("timed out waiting for the in-process lock");
        }

        try
        {
            return await orders.InTransactionAsync(
                (db, token) => orders.ReadCheckWriteAsync(db, command, Descriptor.Name, StockAccess.ReadThenBlindWrite, token),
                cancellationToken);
        }
        finally
        {
            semaphore.Release();
        }
    }
}
