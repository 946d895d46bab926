using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TicketRush.Api.Catalog;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 2, optimistic: read the stock and its version, then write only if the version is still the one read.
/// On a conflict, read again and retry with jittered exponential backoff until sold, sold out, or the deadline.
/// </summary>
internal sealed class OptimisticLockPurchase(
    SaleTransactionFactory transactions,
    TicketTransactionGate inFlight,
    PurchaseTelemetry telemetry,
    IOptions<OptimisticOptions> options,
    TimeProvider time) : IPurchaseStrategy<OptimisticLockPurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Optimistic, "2",
        "Version column as concurrency token; on conflict reload and retry with jittered backoff until sold, sold out or the purchase deadline.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public TimeSpan? Deadline => options.Value.Deadline;

    // Counters shared out by ticket id, like the in-process locks: two tickets of a stripe count as one contention.
    private const int ContentionStripes = 256;

    private readonly LockStripes<StrongBox<int>> _contending = new(ContentionStripes, () => new StrongBox<int>());

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        // Each attempt's read goes stale when another buyer writes: with fewer attempts of a ticket at once, fewer fail.
        using var place = await inFlight.EnterAsync(purchase, Descriptor.Name, cancellationToken);
        var contending = _contending.For(purchase.TicketId);
        Interlocked.Increment(ref contending.Value);
        try
        {
            while (!purchase.Sale.IsKnownSoldOut)
            {
                // A connection per attempt: a buyer backing off does not hold one that another buyer could use.
                await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
                var stock = await sale.ReadStockAsync(cancellationToken);
                if (stock.Refusal is { } refusal)
                {
                    return refusal;
                }

                if (await sale.CommitFencedWriteAsync(stock, cancellationToken) is { } outcome)
                {
                    return outcome;
                }

                var contenders = Volatile.Read(ref contending.Value);
                await Task.Delay(JitteredBackoff.Next(options.Value, conflicts++, Random.Shared.NextDouble(), contenders), time, cancellationToken);
            }

            return PurchaseOutcome.SoldOut;
        }
        finally
        {
            Interlocked.Decrement(ref contending.Value);
            telemetry.RecordRetries(Descriptor.Name, conflicts);
        }
    }
}
