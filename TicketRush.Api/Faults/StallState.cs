namespace TicketRush.Api.Faults;

internal sealed record StallState(long UserId, bool Stalling);
