using Microsoft.Extensions.Options;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 2, optimistic: read the stock and its version, then write only if the version is still the one read.
/// On a conflict, read again and retry with jittered exponential backoff until sold, sold out, or the deadline.
/// </summary>
public sealed class OptimisticLockPurchase(
    SaleTransactions transactions,
    PurchaseTelemetry telemetry,
    IOptions<OptimisticOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "optimistic", "2",
        "Version column as concurrency token; on conflict reload and retry with jittered backoff until sold, sold out or the purchase deadline.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public TimeSpan? Deadline => options.Value.Deadline;

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var conflicts = 0;
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

                await Task.Delay(JitteredBackoff.Next(options.Value, conflicts++, Random.Shared.NextDouble()), time, cancellationToken);
            }

            return PurchaseOutcome.SoldOut;
        }
        finally
        {
            telemetry.RecordRetries(Descriptor.Name, conflicts);
        }
    }
}
