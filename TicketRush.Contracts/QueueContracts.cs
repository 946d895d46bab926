using System.ComponentModel.DataAnnotations;

namespace TicketRush.Contracts;

public sealed record JoinQueueRequest(
    [Display(Name = "userId")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Range(1, long.MaxValue, ErrorMessage = ValidationMessages.AtLeastOne)]
    long? UserId);

/// <param name="Status"><c>waiting</c>, <c>admitted</c>, <c>purchased</c>, <c>expired</c> or <c>sold-out</c>.</param>
/// <param name="AdmissionToken">While admitted: what the purchase carries in <c>Admission-Token</c>.</param>
public sealed record QueueStatusResponse(
    long Position, long Ahead, int EstimatedWaitSeconds, string Status, string? AdmissionToken = null, DateTimeOffset? AdmittedUntil = null);
