namespace TicketRush.Api.WaitingRoom;

/// <summary>Where a buyer stands in a ticket's line.</summary>
/// <param name="Position">1 for the first to join; the same however often the buyer joins.</param>
/// <param name="Ahead">Buyers still waiting ahead of this one (0 unless waiting).</param>
/// <param name="AdmittedUntil">Set while admitted: when the admission expires.</param>
/// <param name="Status">One of <see cref="QueueStatuses"/>.</param>
internal sealed record QueueState(long Position, string Status, long Ahead, DateTimeOffset? AdmittedUntil);
