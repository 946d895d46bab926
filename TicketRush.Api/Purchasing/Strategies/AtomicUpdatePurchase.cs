using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Beyond the study: no read at all. One conditional decrement, the order and the commit travel in one round trip,
/// so the row lock is held for the shortest time MySQL allows. At most
/// <see cref="PurchaseOptions.TransactionsInFlightPerTicket"/> of a ticket's run at once per server (<see cref="TicketTransactionGate"/>).
/// </summary>
internal sealed class AtomicUpdatePurchase(SaleTransactionFactory transactions, TicketTransactionGate inFlight) : IPurchaseStrategy<AtomicUpdatePurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Atomic, "beyond",
        "One conditional UPDATE ... SET remaining = remaining - 1 WHERE remaining > 0, the order insert and the commit in a single round trip.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        using var place = await inFlight.EnterAsync(purchase, Descriptor.Name, cancellationToken);
        if (purchase.Sale.IsKnownSoldOut)
        {
            return PurchaseOutcome.SoldOut;
        }

        await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
        return await sale.CommitConditionalDecrementAsync(cancellationToken);
    }
}
