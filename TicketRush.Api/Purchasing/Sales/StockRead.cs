namespace TicketRush.Api.Purchasing.Sales;

/// <summary>The ticket row as a read step saw it; <see cref="Refusal"/> is the check step.</summary>
public sealed record StockRead(bool Exists, int Remaining, int Version)
{
    public static readonly StockRead Missing = new(false, 0, 0);

    /// <summary>Why nobody can buy from what was read (no such ticket, sold out), or null when a sale may proceed.</summary>
    public PurchaseOutcome? Refusal =>
        !Exists ? PurchaseOutcome.TicketNotFound
        : Remaining <= 0 ? PurchaseOutcome.SoldOut
        : null;
}
