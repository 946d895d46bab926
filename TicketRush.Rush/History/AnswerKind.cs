namespace TicketRush.Rush.History;

/// <summary>What one purchase attempt's answer says about whether that attempt sold a ticket.</summary>
public enum AnswerKind
{
    /// <summary><c>201</c>: this request (or, replayed, the first with its key) sold the order in the body.</summary>
    Sold,

    /// <summary><c>409 already-purchased</c>: the buyer held an order when it was answered (the body names no order).</summary>
    AlreadyPurchased,

    /// <summary><c>409 sold-out</c>: nothing sold, no stock left when answered.</summary>
    SoldOut,

    /// <summary>
    /// A decision that nothing was sold, stored for the key like any decision: <c>400</c>, <c>404</c>, <c>422</c>,
    /// <c>409 strategy-mismatch</c>.
    /// </summary>
    Refused,

    /// <summary>
    /// Nothing sold by this attempt, but not the key's decision (the idempotency filter frees the key so a retry runs
    /// again): <c>401</c>/<c>403</c> not admitted, <c>429</c> rate limited, a waiting room's line ended.
    /// </summary>
    Turned,

    /// <summary>
    /// May or may not have sold: no response (refused, reset, timed out), any <c>5xx</c> (an exception after the commit
    /// still answers 503), <c>409 idempotency-in-progress</c> (another attempt with the key is running),
    /// <c>409 purchase-in-progress</c> (the buyer's earlier reservation is not settled yet).
    /// </summary>
    Unknown,
}
