namespace TicketRush.Rush;

/// <summary>One purchase request of a rush and how it ended.</summary>
public sealed record RushAttempt(long UserId, int ServerIndex, int Status, string? Code, string? Detail, string? ServedBy, TimeSpan Elapsed)
{
    /// <summary>The status of a request that got no HTTP response (refused, reset, timed out).</summary>
    public const int TransportFailure = 0;
}
