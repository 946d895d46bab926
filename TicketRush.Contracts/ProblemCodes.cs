namespace TicketRush.Contracts;

/// <summary>The stable, machine-readable <c>code</c> of every ProblemDetails the API and the gateway return.</summary>
public static class ProblemCodes
{
    public const string TicketNotFound = "ticket-not-found";
    public const string OrderNotFound = "order-not-found";
    public const string SoldOut = "sold-out";
    public const string AlreadyPurchased = "already-purchased";
    public const string UnknownStrategy = "unknown-strategy";
    public const string InvalidRequest = "invalid-request";
    public const string RequestTooLarge = "request-too-large";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not-found";
    public const string StrategyMismatch = "strategy-mismatch";
    public const string DependencyUnavailable = "dependency-unavailable";
    public const string OutcomeUnknown = "outcome-unknown";
    public const string PurchaseInProgress = "purchase-in-progress";
    public const string InternalError = "internal-error";
    public const string IdempotencyInProgress = "idempotency-in-progress";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string RateLimited = "rate-limited";
    public const string NotAdmitted = "not-admitted";
    public const string NoWaitingRoom = "no-waiting-room";
    public const string NotInQueue = "not-in-queue";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string BuyerUnauthenticated = "buyer-unauthenticated";
    public const string InvalidBuyerToken = "invalid-buyer-token";
    public const string BuyerMismatch = "buyer-mismatch";

    /// <summary>From the gateway: no server could take the request; nothing was sold.</summary>
    public const string NoServerAvailable = "no-server-available";

    /// <summary>From the gateway: the server failed before answering; a purchase may or may not have been made.</summary>
    public const string BadGateway = "bad-gateway";
}
