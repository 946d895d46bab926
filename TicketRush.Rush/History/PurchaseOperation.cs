namespace TicketRush.Rush.History;

/// <summary>
/// One purchase attempt as the client saw it: who, with which key, where, when (on the history's one clock) and what came
/// back. A retry is an operation of its own.
/// </summary>
/// <param name="Target">Where it was sent: a server's label or the gateway's.</param>
/// <param name="Status">The HTTP status, or <see cref="RushAttempt.TransportFailure"/> when no response came.</param>
/// <param name="Code">The ProblemDetails <c>code</c>; <c>transport-error</c> without a response; null on a 201.</param>
/// <param name="OrderId">The order a 201's body carries.</param>
/// <param name="RetryAfter">The answer's <c>Retry-After</c>, when it had one.</param>
/// <param name="Replayed">True when the idempotency store replayed an earlier attempt's answer.</param>
public sealed record PurchaseOperation(
    long Buyer,
    string? Key,
    string Target,
    TimeSpan Start,
    TimeSpan End,
    int Status,
    string? Code,
    long? OrderId = null,
    string? ServedBy = null,
    string? Detail = null,
    TimeSpan? RetryAfter = null,
    bool Replayed = false)
{
    public const string TransportErrorCode = "transport-error";

    public TimeSpan Elapsed => End - Start;

    public AnswerKind Answer => Status switch
    {
        201 => AnswerKind.Sold,
        RushAttempt.TransportFailure or >= 500 => AnswerKind.Unknown,
        409 when Code is ProblemCodes.IdempotencyInProgress or ProblemCodes.PurchaseInProgress => AnswerKind.Unknown,
        409 when Code == ProblemCodes.AlreadyPurchased => AnswerKind.AlreadyPurchased,
        409 when Code == ProblemCodes.SoldOut => AnswerKind.SoldOut,
        401 or 403 or 429 => AnswerKind.Turned,
        409 when Code?.StartsWith(WaitingRoomRunner.LineCodePrefix, StringComparison.Ordinal) == true => AnswerKind.Turned,
        >= 400 => AnswerKind.Refused,
        // A 2xx or 3xx the API never sends for a purchase: nothing known about it.
        _ => AnswerKind.Unknown,
    };

    /// <summary>True when this attempt may have sold the buyer's order: it said so, or its outcome is unknown.</summary>
    public bool MaySell => Answer is AnswerKind.Sold or AnswerKind.Unknown;

    /// <summary>True when the buyer learned what happened: anything but <see cref="AnswerKind.Unknown"/>.</summary>
    public bool IsDefinite => Answer != AnswerKind.Unknown;

    /// <summary>The request as <see cref="RushVerdict"/> counts it.</summary>
    public RushAttempt ToRushAttempt(int serverIndex) => new(Buyer, serverIndex, Status, Code, Detail, ServedBy, Elapsed);

    public override string ToString() =>
        FormattableString.Invariant(
            $"[{Start.TotalMilliseconds:F1} → {End.TotalMilliseconds:F1} ms] buyer {Buyer} key {Key ?? "-"} via {Target}{(ServedBy is null ? "" : $" ({ServedBy})")}: {(Status == RushAttempt.TransportFailure ? "no response" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}{(Code is null ? "" : $" {Code}")}{(OrderId is null ? "" : $" order {OrderId}")}{(Replayed ? " (replayed)" : "")}{(RetryAfter is null ? "" : $" retry after {RetryAfter.Value.TotalSeconds:F0} s")}");
}
