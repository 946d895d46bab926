namespace TicketRush.Contracts;

public sealed record JoinQueueRequest(long? UserId);

/// <param name="Status"><c>waiting</c>, <c>admitted</c>, <c>purchased</c>, <c>expired</c> or <c>sold-out</c>.</param>
/// <param name="AdmissionToken">While admitted: what the purchase carries in <c>Admission-Token</c>.</param>
public sealed record QueueStatusResponse(
    long Position, long Ahead, int EstimatedWaitSeconds, string Status, string? AdmissionToken = null, DateTimeOffset? AdmittedUntil = null);
