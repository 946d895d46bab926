using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.Problems;

/// <summary>Every error the API answers, as a ProblemDetails with a stable <c>code</c>.</summary>
internal static class Problem
{
    public const string CodeExtension = "code";

    public static ProblemHttpResult TicketNotFound(long ticketId) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.TicketNotFound, "Ticket not found", $"Ticket {ticketId} does not exist.");

    public static ProblemHttpResult OrderNotFound(long ticketId, long orderId) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.OrderNotFound, "Order not found", $"Ticket {ticketId} has no order {orderId}.");

    public static ProblemHttpResult SoldOut(long ticketId) =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.SoldOut, "Sold out", $"Ticket {ticketId} has no stock left.");

    public static ProblemHttpResult AlreadyPurchased(long ticketId, long userId) =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.AlreadyPurchased, "Already purchased", $"User {userId} already holds ticket {ticketId}.");

    public static ProblemHttpResult UnknownStrategy(string name, IEnumerable<string> known) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.UnknownStrategy, "Unknown strategy",
            $"Strategy '{name}' does not exist. Known strategies: {string.Join(", ", known)}.");

    public static ProblemHttpResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Unauthorized", "A valid X-Admin-Key header is required.");

    public static ProblemHttpResult StrategyMismatch(long ticketId, string ticketStrategy) =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.StrategyMismatch, "Strategy mismatch",
            $"Ticket {ticketId} is sold with the '{ticketStrategy}' strategy; a purchase cannot choose another. Nothing was sold.");

    /// <param name="reason">General words only (see <c>UnavailableReasons</c>): never an exception text, host or version.</param>
    public static ProblemHttpResult Unavailable(string reason) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DependencyUnavailable, "Service unavailable",
            $"Nothing was sold: {reason}. Try again shortly.");

    public static ProblemHttpResult OutcomeUnknown(long ticketId) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.OutcomeUnknown, "Purchase outcome unknown",
            $"The purchase of ticket {ticketId} was sent but could not be confirmed. Retrying is safe: it either sells you the ticket or says you already hold it.");

    public static ProblemHttpResult PurchaseInProgress(long ticketId, long userId) =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.PurchaseInProgress, "Purchase in progress",
            $"An earlier purchase of ticket {ticketId} by user {userId} is not settled yet; it may still sell you the ticket. Nothing was sold by this request: retry after the time in Retry-After to learn the outcome.");

    public static ProblemHttpResult IdempotencyInProgress() =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.IdempotencyInProgress, "Request in progress",
            "A request with this Idempotency-Key is still running. Retry after the time in Retry-After to get its answer.");

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused, "Idempotency-Key reused",
            "This Idempotency-Key was used on this ticket for a different request (another strategy). Use a new key for a new request.");

    public static ProblemHttpResult RateLimited() =>
        Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests",
            "Too many requests from this client or buyer. Nothing was sold; retry after the time in Retry-After.");

    public static ProblemHttpResult NotAdmitted(long ticketId) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.NotAdmitted, "Not admitted",
            $"Ticket {ticketId} is sold through a waiting room: join the line (POST /api/tickets/{ticketId}/queue) and buy with the Admission-Token you get once admitted. Nothing was sold.");

    public static ProblemHttpResult NoWaitingRoom(long ticketId) =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.NoWaitingRoom, "No waiting room",
            $"Ticket {ticketId} has no waiting room: buy it directly.");

    public static ProblemHttpResult NotInQueue(long ticketId, long userId) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotInQueue, "Not in line", $"User {userId} has not joined the line of ticket {ticketId}.");

    public static ProblemHttpResult BuyerUnauthenticated() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.BuyerUnauthenticated, "Buyer not authenticated",
            "Buying and the waiting room need a buyer token: send Authorization: Bearer <token>. Nothing was done.");

    public static ProblemHttpResult InvalidBuyerToken() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidBuyerToken, "Invalid buyer token",
            "The bearer token is not valid here (signature, issuer, audience, expiry or subject). Nothing was done.");

    public static ProblemHttpResult BuyerMismatch(long claimed) =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.BuyerMismatch, "Not your buyer id",
            $"The token authenticates another buyer than userId {claimed}; leave userId out or send your own. Nothing was done.");

    public const string InvalidTitle = "Invalid request";

    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidTitle,
            Detail = message,
            Extensions = { [CodeExtension] = ProblemCodes.InvalidRequest },
        });

    private static ProblemHttpResult Create(int status, string code, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { [CodeExtension] = code },
        });
}
