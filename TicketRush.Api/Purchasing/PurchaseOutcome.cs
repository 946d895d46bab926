using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing;

/// <summary>What a purchase came to. Only <see cref="PurchaseStatus.Sold"/> carries an order.</summary>
internal sealed record PurchaseOutcome(PurchaseStatus Status, TicketOrder? Order = null, string? Reason = null)
{
    public static readonly PurchaseOutcome SoldOut = new(PurchaseStatus.SoldOut);

    /// <summary>Sold out on MySQL's word: the ticket's row holds no stock (<see cref="StockExhausted"/>).</summary>
    public static readonly PurchaseOutcome SoldOutInDatabase = SoldOut with { StockExhausted = true };
    public static readonly PurchaseOutcome AlreadyPurchased = new(PurchaseStatus.AlreadyPurchased);
    public static readonly PurchaseOutcome TicketNotFound = new(PurchaseStatus.TicketNotFound);
    public static readonly PurchaseOutcome InProgress = new(PurchaseStatus.InProgress);
    public static readonly PurchaseOutcome OutcomeUnknown = new(PurchaseStatus.OutcomeUnknown, Reason: "the commit was not acknowledged and could not be verified");

    public static PurchaseOutcome Sold(TicketOrder order) => new(PurchaseStatus.Sold, order);

    /// <summary>
    /// Whether MySQL said, during this purchase, that the ticket has no stock left. Under a safe strategy stock only
    /// falls, so the purchase service remembers the sale as finished (<c>Sale.MarkSoldOut</c>) and later buyers are
    /// answered from memory; the SQL steps only report it, they do not write to the catalog.
    /// </summary>
    public bool StockExhausted { get; init; }

    /// <summary><paramref name="name"/> is the strategy the buyer asked for.</summary>
    public static PurchaseOutcome UnknownStrategy(string name) => new(PurchaseStatus.UnknownStrategy, Reason: name);

    /// <summary><paramref name="ticketStrategy"/> is the strategy the ticket was created with.</summary>
    public static PurchaseOutcome StrategyMismatch(string ticketStrategy) => new(PurchaseStatus.StrategyMismatch, Reason: ticketStrategy);

    /// <summary>Nothing was sold, the buyer may retry. <paramref name="reason"/> is in general words: it reaches the buyer.</summary>
    public static PurchaseOutcome Unavailable(string reason) => new(PurchaseStatus.Unavailable, Reason: reason);

    /// <summary>The value of the <c>outcome</c> tag on spans and metrics.</summary>
    public string TagValue => Status switch
    {
        PurchaseStatus.Sold => "sold",
        PurchaseStatus.SoldOut => "sold-out",
        PurchaseStatus.AlreadyPurchased => "already-purchased",
        PurchaseStatus.TicketNotFound => "ticket-not-found",
        PurchaseStatus.UnknownStrategy => "unknown-strategy",
        PurchaseStatus.StrategyMismatch => "strategy-mismatch",
        PurchaseStatus.OutcomeUnknown => "outcome-unknown",
        PurchaseStatus.InProgress => "in-progress",
        _ => "unavailable",
    };
}
