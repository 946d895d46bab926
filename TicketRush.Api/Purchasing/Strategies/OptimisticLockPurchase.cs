using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TicketRush.Api.Catalog;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 2, optimistic: read the stock and its version, then write only if the version is still the one read.
/// On a conflict, read again and retry with jittered exponential backoff until sold, sold out, or the deadline.
/// </summary>
public sealed class OptimisticLockPurchase(
    SaleTransactionFactory transactions,
    PurchaseTelemetry telemetry,
    IOptions<OptimisticOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "optimistic", "2",
        "Version column as concurrency token; on conflict reload and retry with jittered backoff until sold, sold out or the purchase deadline.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public bool TransactionPerBuyer => true;

    public TimeSpan? Deadline => options.Value.Deadline;

    // Counters shared out by ticket id, like the in-process locks: two tickets of a stripe count as one contention.
    private const int ContentionStripes = 256;

    private readonly LockStripes<StrongBox<int>> _inFlight = new(ContentionStripes, () => new StrongBox<int>());

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        var inFlight = _inFlight.For(purchase.TicketId);
        Interlocked.Increment(ref inFlight.Value);
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

                var contenders = Volatile.Read(ref inFlight.Value);
                await Task.Delay(JitteredBackoff.Next(options.Value, conflicts++, Random.Shared.NextDouble(), contenders), time, cancellationToken);
            }

            return PurchaseOutcome.SoldOut;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight.Value);
            telemetry.RecordRetries(Descriptor.Name, conflicts);
        }
    }
}
