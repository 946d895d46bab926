namespace TicketRush.Rush.Soak;

/// <summary>How one purchase request of a soak ended.</summary>
internal enum SoakOutcome
{
    Created,
    Conflict,
    Unavailable,
    AbortedByClient,

    /// <summary>Any other status, no HTTP answer at all, or still unanswered when the load ended.</summary>
    Other,
}
