namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Level 0: read, check, write stock − 1, insert. Concurrent buyers overwrite each other's decrement.</summary>
public sealed class NoControlPurchase(OrderBook orders) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "none", "0",
        "No concurrency control: read the stock, check it, write stock - 1 and insert the order. Lost updates leave stock behind while everybody 'succeeds'.",
        SafeOnOneServer: false, SafeAcrossServers: false);

    public Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken) =>
        orders.InTransactionAsync(
            (db, token) => orders.ReadCheckWriteAsync(db, command, Descriptor.Name, StockAccess.ReadThenBlindWrite, token),
            cancellationToken);
}
