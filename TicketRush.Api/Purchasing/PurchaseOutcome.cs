using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing;

/// <summary>What a strategy decided. Only <see cref="PurchaseStatus.Sold"/> carries an order.</summary>
public sealed record PurchaseOutcome(PurchaseStatus Status, TicketOrder? Order = null, string? Reason = null)
{
    public static readonly PurchaseOutcome SoldOut = new(PurchaseStatus.SoldOut);
    public static readonly PurchaseOutcome AlreadyPurchased = new(PurchaseStatus.AlreadyPurchased);
    public static readonly PurchaseOutcome TicketNotFound = new(PurchaseStatus.TicketNotFound);

    public static PurchaseOutcome Sold(TicketOrder order) => new(PurchaseStatus.Sold, order);

    /// <summary>A dependency or lock could not serve the buyer in time: nothing was sold, the buyer may retry.</summary>
    public static PurchaseOutcome Unavailable(string reason) => new(PurchaseStatus.Unavailable, Reason: reason);

    /// <summary>The value of the <c>outcome</c> tag on spans and metrics.</summary>
    public string TagValue => Status switch
    {
        PurchaseStatus.Sold => "sold",
        PurchaseStatus.SoldOut => "sold-out",
        PurchaseStatus.AlreadyPurchased => "already-purchased",
        PurchaseStatus.TicketNotFound => "ticket-not-found",
        _ => "unavailable",
    };
}
