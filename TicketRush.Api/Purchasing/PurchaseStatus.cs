namespace TicketRush.Api.Purchasing;

internal enum PurchaseStatus
{
    Sold,
    SoldOut,
    AlreadyPurchased,
    TicketNotFound,

    /// <summary><c>?strategy=</c> named a strategy that does not exist.</summary>
    UnknownStrategy,

    /// <summary><c>?strategy=</c> named another strategy than the ticket's own: a buyer cannot choose how a sale is guarded.</summary>
    StrategyMismatch,

    /// <summary>Nothing was sold; a dependency or lock could not serve the buyer within the deadline.</summary>
    Unavailable,

    /// <summary>The commit was sent but never acknowledged, and the check that followed could not reach MySQL either.</summary>
    OutcomeUnknown,

    /// <summary>Nothing was sold by this request: an earlier purchase of the same buyer is not settled yet (it may still sell).</summary>
    InProgress,
}
