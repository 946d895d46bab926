using System.ComponentModel.DataAnnotations;

namespace TicketRush.Contracts;

/// <param name="UserId">The buyer; with a buyer token it may be left out (the token's subject is the buyer, put here
/// before the handler runs; without a token a missing one is refused there).</param>
public sealed record JoinQueueRequest(
    [Display(Name = "userId")]
    [Range(1, long.MaxValue, ErrorMessage = ValidationMessages.AtLeastOne)]
    long? UserId) : IBuyerRequest
{
    public IBuyerRequest ForBuyer(long buyer) => this with { UserId = buyer };
}

/// <param name="Status"><c>waiting</c>, <c>admitted</c>, <c>purchased</c>, <c>expired</c> or <c>sold-out</c>.</param>
/// <param name="AdmissionToken">While admitted: what the purchase carries in <c>Admission-Token</c>.</param>
/// <param name="RetryAfterSeconds">When to ask for the status again (also the <c>Retry-After</c> header): sooner near the front; null once final.</param>
public sealed record QueueStatusResponse(
    long Position, long Ahead, int EstimatedWaitSeconds, string Status, string? AdmissionToken = null, DateTimeOffset? AdmittedUntil = null,
    int? RetryAfterSeconds = null);
