using Microsoft.Extensions.Options;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 1, <c>SemaphoreSlim(1, 1)</c> per ticket waited for with a timeout (Java's <c>ReentrantLock.tryLock</c>),
/// awaited rather than blocking. It serialises one process; two servers still race each other.
/// </summary>
internal sealed class SemaphorePurchase(
    SaleTransactionFactory transactions,
    PurchaseTelemetry telemetry,
    IOptions<InProcessLockOptions> options) : IPurchaseStrategy<SemaphorePurchase>
{
    private readonly LockStripes<SemaphoreSlim> _semaphores = new(options.Value.Stripes, () => new SemaphoreSlim(1, 1));

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Semaphore, "1",
        "SemaphoreSlim(1,1) per ticket with a wait timeout (Java ReentrantLock.tryLock): exact on one server, oversells across two.",
        SafeOnOneServer: true, SafeAcrossServers: false);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var semaphore = _semaphores.For(purchase.TicketId);
        var wait = telemetry.StartLockWait(Descriptor.Name);
        var entered = await semaphore.WaitAsync(purchase.Deadline.Remaining, cancellationToken);
        wait.End();
        if (!entered)
        {
            return PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired);
        }

        try
        {
            await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
            var stock = await sale.ReadStockAsync(cancellationToken);
            return stock.Refusal ?? await sale.CommitBlindWriteAsync(stock, cancellationToken);
        }
        finally
        {
            semaphore.Release();
        }
    }
}
