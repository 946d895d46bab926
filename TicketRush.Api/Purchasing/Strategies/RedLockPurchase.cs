using Microsoft.Extensions.Options;
using RedLockNet;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 3: a Redis distributed lock per ticket (RedLock.net, the C# counterpart of Redisson) around the
/// read–check–write. The write is fenced (it applies only if the ticket's version is still the one read), so a holder
/// whose lock expired while it stalled cannot oversell: it aborts with no sale.
/// </summary>
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

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var waitStarted = time.GetTimestamp();
        var acquired = await AcquireAsync(purchase, cancellationToken);
        telemetry.RecordLockWait(Descriptor.Name, time.GetElapsedTime(waitStarted));
        if (acquired.Lock is not { } redLock)
        {
            return acquired.Refusal!;
        }

        await using (redLock)
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
    }

    /// <summary>One attempt at a time, so a waiter notices at once when this server has seen the ticket sell out.</summary>
    private async Task<(IRedLock? Lock, PurchaseOutcome? Refusal)> AcquireAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (!purchase.Sale.IsKnownSoldOut)
        {
            var attempt = await locks.CreateLockAsync($"ticketrush:ticket:{purchase.TicketId}", settings.Expiry).WaitAsync(cancellationToken);
            if (attempt.IsAcquired)
            {
                return (attempt, null);
            }

            await attempt.DisposeAsync();
            if (attempt.Status == RedLockStatus.NoQuorum)
            {
                return (null, PurchaseOutcome.Unavailable(UnavailableReasons.Redis));
            }

            await Task.Delay(settings.Retry * Random.Shared.NextDouble(), time, cancellationToken);
        }

        return (null, PurchaseOutcome.SoldOut);
    }
}
