namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Beyond the study: one conditional UPDATE decrements only while stock remains, plus the order INSERT, in one transaction.</summary>
public sealed class AtomicUpdatePurchase(OrderBook orders) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "atomic", "beyond",
        "One conditional UPDATE (remaining = remaining - 1 WHERE remaining > 0) plus the order INSERT in one transaction; no application lock.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken) =>
        orders.InTransactionAsync(
            (db, token) => orders.DecrementThenSaveAsync(db, command, Descriptor.Name, token),
            cancellationToken);
}
