namespace TicketRush.Api.Purchasing.Sales;

/// <summary>The ticket row as a read step saw it; <see cref="Refusal"/> is the check step.</summary>
/// <param name="AlreadyBought">Whether the buyer already holds an order (known only to plain reads; a locking read leaves it false).</param>
internal sealed record StockRead(bool Exists, int Remaining, int Version, bool AlreadyBought = false)
{
    public static readonly StockRead Missing = new(false, 0, 0);

    /// <summary>Why this buyer cannot buy from what was read (no such ticket, sold out, bought already), or null when a sale may proceed.</summary>
    public PurchaseOutcome? Refusal =>
        !Exists ? PurchaseOutcome.TicketNotFound
        : AlreadyBought ? PurchaseOutcome.AlreadyPurchased
        : Remaining <= 0 ? PurchaseOutcome.SoldOutInDatabase
        : null;
}
