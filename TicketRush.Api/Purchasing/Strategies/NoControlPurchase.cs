using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Level 0: read, check, write stock − 1, insert. Concurrent buyers overwrite each other's decrement.</summary>
internal sealed class NoControlPurchase(SaleTransactionFactory transactions) : IPurchaseStrategy<NoControlPurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.NoControl, "0",
        "No concurrency control: read the stock, check it, write stock - 1 and insert the order. Lost updates leave stock behind while everybody 'succeeds'.",
        SafeOnOneServer: false, SafeAcrossServers: false);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
        var stock = await sale.ReadStockAsync(cancellationToken);
        return stock.Refusal ?? await sale.CommitBlindWriteAsync(stock, cancellationToken);
    }
}
