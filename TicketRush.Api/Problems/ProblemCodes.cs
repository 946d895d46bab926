namespace TicketRush.Api.Problems;

/// <summary>The stable, machine-readable <c>code</c> of every ProblemDetails the API returns.</summary>
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
    public const string BuyerUnauthenticated = "buyer-unauthenticated";
    public const string InvalidBuyerToken = "invalid-buyer-token";
    public const string BuyerMismatch = "buyer-mismatch";

    /// <summary>The code of a problem nobody named: derived from its status.</summary>
    public static string ForStatus(int? status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => InvalidRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status503ServiceUnavailable => DependencyUnavailable,
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => RequestTooLarge,
        _ => InternalError,
    };
}
