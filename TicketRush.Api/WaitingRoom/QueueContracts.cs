namespace TicketRush.Api.WaitingRoom;

public sealed record JoinQueueRequest(long? UserId);

/// <param name="Status"><c>waiting</c>, <c>admitted</c>, <c>purchased</c>, <c>expired</c> or <c>sold-out</c>.</param>
/// <param name="AdmissionToken">While admitted: what the purchase carries in <c>Admission-Token</c>.</param>
/// <param name="RetryAfterSeconds">When to ask for the status again (also the <c>Retry-After</c> header): sooner near the front; null once final.</param>
public sealed record QueueStatusResponse(
    long Position, long Ahead, int EstimatedWaitSeconds, string Status, string? AdmissionToken = null, DateTimeOffset? AdmittedUntil = null,
    int? RetryAfterSeconds = null);
