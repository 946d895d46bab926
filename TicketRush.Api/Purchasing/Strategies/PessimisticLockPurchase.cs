using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 2, pessimistic: <c>SELECT … FOR UPDATE</c> locks the ticket row in the database until commit, whichever server
/// asks. A plain read first turns away sold-out and repeat buyers without queueing them on the row lock; the locked
/// read checks again, since only it counts. At most <see cref="PurchaseOptions.TransactionsInFlightPerTicket"/> locking
/// reads of a ticket wait on its row per server (<see cref="TicketTransactionGate"/>).
/// </summary>
internal sealed class PessimisticLockPurchase(SaleTransactionFactory transactions, TicketTransactionGate inFlight) : IPurchaseStrategy<PessimisticLockPurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Pessimistic, "2",
        "SELECT ... FOR UPDATE on the ticket row inside the purchase transaction: the database serialises buyers across servers.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
        if ((await sale.ReadStockAsync(cancellationToken)).Refusal is { } early)
        {
            return early;
        }

        // Only the locking part queues on the row, so only it waits for a place: the plain read above refuses at once.
        using var place = await inFlight.EnterAsync(purchase, Descriptor.Name, cancellationToken);
        if (purchase.Sale.IsKnownSoldOut)
        {
            return PurchaseOutcome.SoldOut;
        }

        var stock = await sale.ReadStockForUpdateAsync(cancellationToken);
        return stock.Refusal ?? await sale.CommitBlindWriteAsync(stock, cancellationToken);
    }
}
