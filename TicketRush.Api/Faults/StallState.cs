namespace TicketRush.Api.Faults;

public sealed record StallState(long UserId, bool Stalling);
