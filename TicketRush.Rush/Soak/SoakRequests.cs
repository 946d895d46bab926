namespace TicketRush.Rush.Soak;

/// <summary>The purchase requests of one strategy's soak, by how they ended.</summary>
/// <param name="Other">Other statuses, requests without an HTTP answer, and requests still unanswered when the load ended.</param>
public sealed record SoakRequests(int Total, int AbortedByClient, int Created, int Conflict, int Unavailable, int Other);
