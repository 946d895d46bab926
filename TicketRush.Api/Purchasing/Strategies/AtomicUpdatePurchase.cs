using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Beyond the study: no read at all. One conditional decrement, the order and the commit travel in one round trip,
/// so the row lock is held for the shortest time MySQL allows.
/// </summary>
public sealed class AtomicUpdatePurchase(SaleTransactionFactory transactions) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "atomic", "beyond",
        "One conditional UPDATE ... SET remaining = remaining - 1 WHERE remaining > 0, the order insert and the commit in a single round trip.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public bool TransactionPerBuyer => true;

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
        return await sale.CommitConditionalDecrementAsync(cancellationToken);
    }
}
