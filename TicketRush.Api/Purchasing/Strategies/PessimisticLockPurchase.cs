namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Level 2, pessimistic: <c>SELECT … FOR UPDATE</c> locks the ticket row in the database until commit, whichever server asks.</summary>
public sealed class PessimisticLockPurchase(OrderBook orders) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "pessimistic", "2",
        "SELECT ... FOR UPDATE on the ticket row inside the purchase transaction: the database serialises buyers across servers.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken) =>
        orders.InTransactionAsync(
            (db, token) => orders.ReadCheckWriteAsync(db, command, Descriptor.Name, StockAccess.LockRowThenWrite, token),
            cancellationToken);
}
